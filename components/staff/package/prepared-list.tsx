import { StackTable } from "@/components/ui/stack-table";
import type { PackageFormat } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/** Packages built and not yet released, each downloadable by staff to check (audited). */
export function PreparedList(props: {
  packages: {
    id: string;
    format: PackageFormat;
    itemCount: number | null;
    sizeBytes: number | null;
    sha256: string | null;
    createdAt: Date;
  }[];
  locale: Locale;
  t: Translate;
}) {
  const { packages, locale, t } = props;
  return (
    <>
      <h3 id="prepared-title">{t("disclosurePackage.prepared.title")}</h3>
      {packages.length === 0 ? (
        <p>{t("disclosurePackage.prepared.none")}</p>
      ) : (
        <StackTable
          labelledBy="prepared-title"
          testId="prepared-packages"
          columns={[
            t("disclosurePackage.prepared.format"),
            t("disclosurePackage.prepared.items"),
            t("disclosurePackage.prepared.size"),
            t("disclosurePackage.prepared.createdAt"),
            t("disclosurePackage.prepared.checksum"),
          ]}
        >
          {packages.map((p) => {
            const format = t(`disclosurePackage.format.${p.format}`);
            return (
              <tr key={p.id}>
                <td>
                  <a href={`/api/staff/packages/${p.id}`} download>
                    {t("disclosurePackage.prepared.download", { format })}
                  </a>
                </td>
                <td>{p.itemCount ?? "—"}</td>
                <td>
                  {p.sizeBytes === null
                    ? "—"
                    : t("disclosurePackage.prepared.sizeKb", {
                        size: Math.max(1, Math.round(p.sizeBytes / 1024)).toLocaleString(locale),
                      })}
                </td>
                <td>{formatDateTime(locale, p.createdAt)}</td>
                <td>
                  <code title={p.sha256 ?? undefined}>{p.sha256?.slice(0, 12) ?? "—"}</code>
                </td>
              </tr>
            );
          })}
        </StackTable>
      )}
    </>
  );
}
