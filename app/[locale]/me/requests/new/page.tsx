import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listCategories } from "@/lib/data/data-map/list-categories";
import { getMySubject } from "@/lib/data/subjects/get-my-subject";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

import { DisclosureForm } from "./disclosure-form";

export const dynamic = "force-dynamic";

export default async function NewRequestPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "request:file")) return <Forbidden locale={locale} />;
  const [categories, subject] = await Promise.all([listCategories(), getMySubject({ actor })]);
  return (
    <>
      <h1>{t("requestForm.title")}</h1>
      <p>{t("requestForm.intro")}</p>
      <DisclosureForm
        categories={categories.map((c) => ({
          key: c.key,
          name: locale === "ja" ? c.nameJa : c.nameEn,
        }))}
        requester={{
          familyName: subject?.familyName ?? "",
          givenName: subject?.givenName ?? "",
          familyNameKana: subject?.familyNameKana ?? "",
          givenNameKana: subject?.givenNameKana ?? "",
          birthDate: subject?.birthDate ? subject.birthDate.toISOString().slice(0, 10) : "",
        }}
      />
    </>
  );
}
