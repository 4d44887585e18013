import { readBrand } from "@/lib/brand/read-brand";
import type { Db } from "@/lib/db";
import { appBaseUrl } from "@/lib/fulfilment/engine/base-url";

import type { MailContext } from "./templates";

/**
 * What a mail needs at the moment it is sent (lib/mail/templates.ts renderMail): the brand as it
 * is now, the reader's name looked up by the address (the job carries no name), and the portal's
 * public URL for its button. `named: false` leaves the name out (a sign-in link goes to whoever
 * typed the address).
 */
export async function mailContext(
  db: Pick<Db, "user">,
  to: string,
  options: { named?: boolean } = {},
): Promise<MailContext> {
  const [brand, user] = await Promise.all([
    readBrand(),
    options.named === false
      ? null
      : db.user.findFirst({
          where: { email: { equals: to, mode: "insensitive" } },
          select: { name: true, subject: { select: { familyName: true, givenName: true } } },
        }),
  ]);
  const fromSubject = user?.subject
    ? [user.subject.familyName, user.subject.givenName].filter(Boolean).join(" ")
    : "";
  return { brand, addressee: fromSubject || user?.name || null, baseUrl: appBaseUrl() };
}
