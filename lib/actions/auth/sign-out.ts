"use server";

import { signOut as authSignOut } from "@/lib/auth/auth";
import { toLocale } from "@/lib/i18n/config";

export async function signOut(formData: FormData): Promise<void> {
  // A forged call may send anything in place of the form: then the default locale.
  const locale = toLocale(formData instanceof FormData ? formData.get("locale") : undefined);
  await authSignOut({ redirectTo: `/${locale}` });
}
