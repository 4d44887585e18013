import Link from "next/link";
import { forbidden, notFound } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { DeleteButton } from "@/components/manager/settings/data-map/delete-button";
import { PurposeForm } from "@/components/manager/settings/data-map/purpose-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listPurposes } from "@/lib/data/data-map/config/list-purposes";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

/** One purpose of use: edit it, or delete it while nothing refers to it. */
export default async function PurposePage({ params }: Props) {
  const { locale: raw, id } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "data-map:configure")) forbidden();
  const [purpose] = await listPurposes({ actor, id });
  if (!purpose) notFound();
  const name = locale === "ja" ? purpose.nameJa : purpose.nameEn;
  const listHref = `/${locale}/manager/settings/purposes`;

  return (
    <ClientSections locale={locale} sections={["settingsDataMap"]}>
      <p>
        <Link href={listHref}>{t("settingsDataMap.backToList")}</Link>
      </p>
      <h1>{t("settingsDataMap.editTitle", { name })}</h1>
      <PurposeForm
        initial={{
          id: purpose.id,
          key: purpose.key,
          nameJa: purpose.nameJa,
          nameEn: purpose.nameEn,
          descriptionJa: purpose.descriptionJa,
          descriptionEn: purpose.descriptionEn,
          suspendable: purpose.suspendable,
          gpcOptOut: purpose.gpcOptOut,
          suspensionNoteJa: purpose.suspensionNoteJa,
          suspensionNoteEn: purpose.suspensionNoteEn,
          sortOrder: String(purpose.sortOrder),
        }}
      />
      <p>{t("settingsDataMap.references", { count: purpose.references })}</p>
      <DeleteButton kind="purpose" id={purpose.id} name={name} listHref={listHref} />
    </ClientSections>
  );
}
