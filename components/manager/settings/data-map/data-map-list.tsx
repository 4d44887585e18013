import Link from "next/link";
import type { ReactNode } from "react";

import { StackTable } from "@/components/ui/stack-table";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";

export interface DataMapListRow {
  id: string;
  key: string;
  nameJa: string;
  nameEn: string;
  /** Shown first where the rows have an order of their own (categories, purposes). */
  sortOrder?: number;
}

/**
 * One data-map settings list (systems, categories, purposes, recipients): the way back, the
 * title and intro, a table of key, name, the kind's own columns and an edit link per row, then
 * the kind's form for adding one. The page around it checks the permission and loads the rows.
 */
export function DataMapList<R extends DataMapListRow>(props: {
  locale: Locale;
  t: Translate;
  kind: "systems" | "categories" | "purposes" | "recipients";
  rows: R[];
  /** The kind's own columns; `narrow` for a short one (a class, a country) not to be squeezed. */
  columns: { header: string; cell: (row: R) => ReactNode; narrow?: boolean }[];
  form: ReactNode;
}) {
  const { locale, t, kind, rows } = props;
  const base = `/${locale}/manager/settings/${kind}`;
  const ordered = rows.some((r) => r.sortOrder !== undefined);
  return (
    <>
      <p>
        <Link href={`/${locale}/manager/settings`}>{t("settingsDataMap.back")}</Link>
      </p>
      <h1>{t(`settingsDataMap.${kind}.title`)}</h1>
      <p>{t(`settingsDataMap.${kind}.intro`)}</p>
      {rows.length === 0 ? (
        <p>{t("settingsDataMap.empty")}</p>
      ) : (
        <StackTable
          testId={kind}
          caption={t(`settingsDataMap.${kind}.caption`)}
          columns={[
            ...(ordered ? [t("settingsDataMap.field.sortOrder")] : []),
            t("settingsDataMap.column.key"),
            t("settingsDataMap.column.name"),
            ...props.columns.map((c) => ({ label: c.header, narrow: c.narrow })),
            t("settingsDataMap.column.actions"),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.id} data-key={row.key}>
              {ordered && <td>{row.sortOrder}</td>}
              <td>
                <code>{row.key}</code>
              </td>
              <td>{locale === "ja" ? row.nameJa : row.nameEn}</td>
              {props.columns.map((c) => (
                <td key={c.header}>{c.cell(row)}</td>
              ))}
              <td>
                <Link
                  href={`${base}/${row.id}`}
                  aria-label={`${t("settingsDataMap.edit")}: ${row.key}`}
                >
                  {t("settingsDataMap.edit")}
                </Link>
              </td>
            </tr>
          ))}
        </StackTable>
      )}
      {props.form}
    </>
  );
}
