import { ClientSections } from "@/components/i18n/client-sections";
import { can } from "@/lib/auth/permissions";
import { listPackageItems } from "@/lib/data/packages/list-package-items";
import { listPreparedPackages } from "@/lib/data/packages/list-prepared-packages";

import type { StaffPanelProps } from "../panel-props";

import { BuildForm } from "./build-form";
import { ItemPreview } from "./item-preview";
import { PreparedList } from "./prepared-list";

/**
 * The disclosure package while the request is being fulfilled: where the items come from, the
 * items page by page with a control to withhold one (with the reason the requester reads), the
 * packages built so far (to check before release) and the button that builds them.
 */
export async function PackagePanel({ request, actor, locale, t }: StaffPanelProps) {
  if (request.type !== "DISCLOSURE" || request.status !== "IN_PROGRESS") return null;
  if (!can(actor.role, "request:fulfil")) return null;
  const [preview, prepared] = await Promise.all([
    listPackageItems({ actor, reference: request.reference, page: 1, locale }),
    listPreparedPackages({ actor, reference: request.reference }),
  ]);
  const formats = preview.formats.map((f) => t(`disclosurePackage.format.${f}`));
  return (
    <section className="panel" aria-labelledby="package-title" data-testid="package-panel">
      <h2 id="package-title">{t("disclosurePackage.panel.title")}</h2>
      <p>{t("disclosurePackage.panel.help")}</p>
      <p>
        {t("disclosurePackage.panel.formats", {
          formats: formats.join(t("transparency.listSeparator")),
        })}
      </p>
      {preview.origins.length > 0 && (
        <>
          <h3>{t("disclosurePackage.panel.origins")}</h3>
          <ul>
            {preview.origins.map((o) => (
              <li key={o.system}>
                {t(
                  o.origin === "connector"
                    ? "disclosurePackage.panel.originConnector"
                    : o.origin === "pending"
                      ? "disclosurePackage.panel.originPending"
                      : "disclosurePackage.panel.originRecords",
                  { system: o.system },
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {/* The panel's forms translate with these sections wherever the panel is rendered. */}
      <ClientSections locale={locale} sections={["disclosurePackage", "errors", "validation"]}>
        <ItemPreview reference={request.reference} initial={preview} built={prepared.length > 0} />
        <PreparedList packages={prepared} locale={locale} t={t} />
        <BuildForm reference={request.reference} rebuild={prepared.length > 0} />
      </ClientSections>
    </section>
  );
}
