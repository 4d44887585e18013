import { StepUpNotice } from "@/components/auth/step-up-notice";
import { hasRecentPasskey } from "@/lib/auth/second-factor";
import { ClientSections } from "@/components/i18n/client-sections";
import { can } from "@/lib/auth/permissions";
import { listPackageItems } from "@/lib/data/packages/list-package-items";
import { listPreparedPackages } from "@/lib/data/packages/list-prepared-packages";

import type { PreviewSource } from "@/lib/data/packages/list-package-items";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";

import type { StaffPanelProps } from "../panel-props";

import { BuildForm, ItemPreview } from "@/components/staff/deferred-forms";
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
      {preview.sources.length > 0 && (
        <>
          <h3>{t("disclosurePackage.panel.origins")}</h3>
          <ul data-testid="package-sources">
            {preview.sources.map((o) => (
              <li
                key={o.system}
                data-state={o.state}
                className={o.state === "complete" ? "" : "notice"}
              >
                {sourceLine(o, t)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p data-testid="package-counts">
        {t("disclosurePackage.panel.counts", {
          included: preview.counts.included,
          withheld: preview.counts.withheld,
          never: preview.counts.never,
        })}
      </p>
      {/* The panel's forms translate with these sections wherever the panel is rendered. */}
      <ClientSections locale={locale} sections={["disclosurePackage", "errors", "validation"]}>
        <ItemPreview reference={request.reference} initial={preview} built={prepared.length > 0} />
        {prepared.length > 0 && !hasRecentPasskey(actor) && <StepUpNotice />}
        <PreparedList packages={prepared} locale={locale} t={t} />
        <BuildForm
          reference={request.reference}
          rebuild={prepared.length > 0}
          pending={preview.sources.some((o) => o.state === "pending")}
          gaps={preview.sources.some((o) => o.state === "missing")}
        />
      </ClientSections>
    </section>
  );
}

/** Where one system's items come from, or why they cannot be gathered (staff's words). */
function sourceLine(o: PreviewSource, t: Translate): string {
  const system = o.system;
  if (o.state === "pending") return t("disclosurePackage.panel.originPending", { system });
  if (o.state === "missing") {
    const failure = `fulfilment.tasks.failure.${o.gap?.kind === "failed" ? o.gap.code : ""}`;
    const reason =
      o.gap?.kind === "cancelled"
        ? t("disclosurePackage.panel.cancelledReason", { note: o.gap.note })
        : t("disclosurePackage.panel.failedReason", {
            failure: isMessageKey(failure)
              ? t(failure)
              : t("fulfilment.tasks.failure.internal_error"),
          });
    return t("disclosurePackage.panel.originMissing", { system, reason });
  }
  if (o.origin === "connector") return t("disclosurePackage.panel.originConnector", { system });
  return t(
    o.connector === "MANUAL"
      ? "disclosurePackage.panel.originManual"
      : "disclosurePackage.panel.originRecords",
    { system },
  );
}
