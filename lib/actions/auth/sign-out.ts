"use server";

import { signOut as authSignOut } from "@/lib/auth/auth";
import { toLocale } from "@/lib/i18n/config";

export async function signOut(formData: FormData): Promise<void> {
  const locale = toLocale(formData.get("locale"));
  await authSignOut({ redirectTo: `/${locale}` });
}
