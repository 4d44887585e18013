import Link from "next/link";
import { forbidden, notFound } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { DeleteButton } from "@/components/manager/settings/data-map/delete-button";
import { RecipientForm } from "@/components/manager/settings/data-map/recipient-form";
import { RotateSecret } from "@/components/manager/settings/data-map/rotate-secret";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listRecipients } from "@/lib/data/data-map/config/list-recipients";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

/** One recipient: edit it, or delete it while nothing refers to it. */
export default async function RecipientPage({ params }: Props) {
  const { locale: raw, id } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "data-map:configure")) forbidden();
  const [recipient] = await listRecipients({ actor, id });
  if (!recipient) notFound();
  const name = locale === "ja" ? recipient.nameJa : recipient.nameEn;
  const listHref = `/${locale}/manager/settings/recipients`;

  return (
    <ClientSections
      locale={locale}
      sections={["settingsDataMap", "recipientClass", "transferSafeguard"]}
    >
      <p>
        <Link href={listHref}>{t("settingsDataMap.backToList")}</Link>
      </p>
      <h1>{t("settingsDataMap.editTitle", { name })}</h1>
      <RecipientForm
        initial={{
          id: recipient.id,
          key: recipient.key,
          nameJa: recipient.nameJa,
          nameEn: recipient.nameEn,
          descriptionJa: recipient.descriptionJa,
          descriptionEn: recipient.descriptionEn,
          recipientClass: recipient.recipientClass,
          country: recipient.country ?? "",
          regimeNoteJa: recipient.regimeNoteJa ?? "",
          regimeNoteEn: recipient.regimeNoteEn ?? "",
          measuresJa: recipient.measuresJa ?? "",
          measuresEn: recipient.measuresEn ?? "",
          processorCategoryJa: recipient.processorCategoryJa ?? "",
          address: recipient.address ?? "",
          representative: recipient.representative ?? "",
          noticeEmail: recipient.noticeEmail ?? "",
          gpcOptOut: recipient.gpcOptOut,
          noticeWebhookUrl: recipient.noticeWebhookUrl ?? "",
          transferSafeguard: recipient.transferSafeguard ?? "",
          processorCategoryEn: recipient.processorCategoryEn ?? "",
        }}
      />
      {recipient.noticeWebhookUrl && (
        <section className="panel" aria-labelledby="secret-title">
          <h2 id="secret-title">{t("settingsDataMap.recipients.webhookSecretTitle")}</h2>
          <p>{t("settingsDataMap.recipients.webhookSecretIntro")}</p>
          <p data-testid="secret-status">
            {recipient.hasWebhookSecret
              ? t("settingsDataMap.recipients.webhookSecretSet")
              : t("settingsDataMap.recipients.webhookSecretMissing")}
          </p>
          <RotateSecret kind="recipient" id={recipient.id} />
        </section>
      )}
      <p>{t("settingsDataMap.references", { count: recipient.references })}</p>
      <DeleteButton kind="recipient" id={recipient.id} name={name} listHref={listHref} />
    </ClientSections>
  );
}
