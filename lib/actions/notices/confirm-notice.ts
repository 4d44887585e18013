"use server";

import { redirect } from "next/navigation";

import { confirmNoticeByToken } from "@/lib/data/fulfilment/notices";
import { toLocale } from "@/lib/i18n/config";

/**
 * A recipient confirms an onward notice through its link (no sign-in: the link's token is the
 * credential, lib/data/fulfilment/notices.ts). A plain form post, so it works without JavaScript;
 * the page then shows the confirmation.
 */
export async function confirmNotice(formData: FormData): Promise<void> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const token = text("token");
  const locale = toLocale(text("locale"));
  await confirmNoticeByToken(token);
  redirect(`/${locale}/notices/${encodeURIComponent(token)}`);
}
