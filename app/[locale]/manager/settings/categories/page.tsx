import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { DataMapList } from "@/components/manager/settings/data-map/data-map-list";
import { CategoryForm } from "@/components/manager/settings/data-map/category-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listCategories } from "@/lib/data/data-map/config/list-categories";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { DATA_CLASSES, DATA_SOURCES } from "@/lib/validation/data-map-config";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** The data categories; adding one here, editing or deleting on its own page. */
export default async function CategoriesPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "data-map:configure")) forbidden();
  const categories = await listCategories({ actor });
  const classLabels = Object.fromEntries(
    DATA_CLASSES.map((c) => [c, t(`dataClass.${c}`)]),
  ) as Record<(typeof DATA_CLASSES)[number], string>;
  const sourceLabels = Object.fromEntries(
    DATA_SOURCES.map((s) => [s, t(`transparency.collection.way.${s}`)]),
  ) as Record<(typeof DATA_SOURCES)[number], string>;

  return (
    <ClientSections locale={locale} sections={["settingsDataMap"]}>
      <DataMapList
        locale={locale}
        t={t}
        kind="categories"
        rows={categories}
        columns={[
          {
            header: t("settingsDataMap.categories.dataClass"),
            narrow: true,
            cell: (c) => classLabels[c.dataClass],
          },
        ]}
        form={<CategoryForm classLabels={classLabels} sourceLabels={sourceLabels} />}
      />
    </ClientSections>
  );
}
