import Link from "next/link";

import { ClientSections } from "@/components/i18n/client-sections";
import { CategoryForm } from "@/components/manager/settings/data-map/category-form";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listCategories } from "@/lib/data/data-map/config/list-categories";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { DATA_CLASSES } from "@/lib/validation/data-map-config";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** The data categories; adding one here, editing or deleting on its own page. */
export default async function CategoriesPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "data-map:configure")) return <Forbidden locale={locale} />;
  const categories = await listCategories({ actor });
  const base = `/${locale}/manager/settings/categories`;
  const classLabels = Object.fromEntries(
    DATA_CLASSES.map((c) => [c, t(`dataClass.${c}`)]),
  ) as Record<(typeof DATA_CLASSES)[number], string>;

  return (
    <ClientSections locale={locale} sections={["settingsDataMap"]}>
      <p>
        <Link href={`/${locale}/manager/settings`}>{t("settingsDataMap.back")}</Link>
      </p>
      <h1>{t("settingsDataMap.categories.title")}</h1>
      <p>{t("settingsDataMap.categories.intro")}</p>
      {categories.length === 0 ? (
        <p>{t("settingsDataMap.empty")}</p>
      ) : (
        <table data-testid="categories">
          <caption>{t("settingsDataMap.categories.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settingsDataMap.field.sortOrder")}</th>
              <th scope="col">{t("settingsDataMap.column.key")}</th>
              <th scope="col">{t("settingsDataMap.column.name")}</th>
              <th scope="col">{t("settingsDataMap.categories.dataClass")}</th>
              <th scope="col">{t("settingsDataMap.column.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.id} data-key={c.key}>
                <td>{c.sortOrder}</td>
                <td>
                  <code>{c.key}</code>
                </td>
                <td>{locale === "ja" ? c.nameJa : c.nameEn}</td>
                <td>{classLabels[c.dataClass]}</td>
                <td>
                  <Link
                    href={`${base}/${c.id}`}
                    aria-label={`${t("settingsDataMap.edit")}: ${c.key}`}
                  >
                    {t("settingsDataMap.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CategoryForm classLabels={classLabels} />
    </ClientSections>
  );
}
