import { ClientSections } from "@/components/i18n/client-sections";
import Link from "next/link";
import { forbidden } from "next/navigation";

import { EnterRequestForm } from "@/components/staff/queue/enter-request-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listRequestOptions } from "@/lib/data/data-map/list-request-options";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { todayInJapan } from "@/lib/validation/queue";

export const dynamic = "force-dynamic";

/** Staff enter a request that arrived by phone, post, email or in person. */
export default async function EnterRequestPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "request:enter")) forbidden();
  const options = await listRequestOptions({ actor });
  const name = (ja: string, en: string) => (locale === "ja" ? ja : en);
  return (
    <ClientSections
      locale={locale}
      sections={[
        "queue",
        "request",
        "requestForm",
        "channel",
        "requestType",
        "recipientClass",
        "method",
      ]}
    >
      <h1>{t("queue.enter.title")}</h1>
      <p>{t("queue.enter.intro")}</p>
      <p>
        <Link href={`/${locale}/staff`}>{t("queue.enter.back")}</Link>
      </p>
      <EnterRequestForm
        today={todayInJapan()}
        options={{
          categories: options.categories.map((c) => ({
            key: c.key,
            name: name(c.nameJa, c.nameEn),
          })),
          purposes: options.purposes.map((p) => ({
            key: p.key,
            name: name(p.nameJa, p.nameEn),
            suspendable: p.suspendable,
            suspensionNote: name(p.suspensionNoteJa, p.suspensionNoteEn),
          })),
          recipients: options.recipients.map((r) => ({
            key: r.key,
            name: name(r.nameJa, r.nameEn),
            recipientClass: r.recipientClass,
          })),
          // The wizard offers the signed-in person's own items; a staff member's are not the
          // subject's, so corrections name the category and field instead.
          items: [],
          known: false,
        }}
      />
    </ClientSections>
  );
}
