import Link from "next/link";
import { forbidden, notFound } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { CategoryForm } from "@/components/manager/settings/data-map/category-form";
import { DeleteButton } from "@/components/manager/settings/data-map/delete-button";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listCategories } from "@/lib/data/data-map/config/list-categories";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { DATA_CLASSES, DATA_SOURCES } from "@/lib/validation/data-map-config";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

/** One data category: edit it, or delete it while nothing refers to it. */
export default async function CategoryPage({ params }: Props) {
  const { locale: raw, id } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "data-map:configure")) forbidden();
  const [category] = await listCategories({ actor, id });
  if (!category) notFound();
  const name = locale === "ja" ? category.nameJa : category.nameEn;
  const listHref = `/${locale}/manager/settings/categories`;
  const classLabels = Object.fromEntries(
    DATA_CLASSES.map((c) => [c, t(`dataClass.${c}`)]),
  ) as Record<(typeof DATA_CLASSES)[number], string>;
  const sourceLabels = Object.fromEntries(
    DATA_SOURCES.map((s) => [s, t(`transparency.collection.way.${s}`)]),
  ) as Record<(typeof DATA_SOURCES)[number], string>;

  return (
    <ClientSections locale={locale} sections={["settingsDataMap"]}>
      <p>
        <Link href={listHref}>{t("settingsDataMap.backToList")}</Link>
      </p>
      <h1>{t("settingsDataMap.editTitle", { name })}</h1>
      <CategoryForm
        classLabels={classLabels}
        sourceLabels={sourceLabels}
        initial={{
          id: category.id,
          key: category.key,
          nameJa: category.nameJa,
          nameEn: category.nameEn,
          descriptionJa: category.descriptionJa,
          descriptionEn: category.descriptionEn,
          dataClass: category.dataClass,
          sources: category.sources,
          retentionJa: category.retentionJa,
          retentionEn: category.retentionEn,
          sortOrder: String(category.sortOrder),
        }}
      />
      <p>{t("settingsDataMap.references", { count: category.references })}</p>
      <DeleteButton kind="category" id={category.id} name={name} listHref={listHref} />
    </ClientSections>
  );
}
