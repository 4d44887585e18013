import { StepUpNotice } from "@/components/auth/step-up-notice";
import { hasRecentPasskey } from "@/lib/auth/second-factor";
import { getIdentityReview, type ReviewDocument } from "@/lib/data/identity/get-identity-review";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { checkTransition, isOpen } from "@/lib/requests/lifecycle";

import type { StaffPanelProps } from "../panel-props";

import { DecisionHistory } from "./decision-history";
import type { DocumentRow } from "./document-review";
import { KnownData } from "./known-data";
import {
  DocumentReview,
  ResubmissionForm,
  UnverifiableForm,
  VerifyForm,
} from "@/components/staff/deferred-forms";

const MB = 1024 * 1024;

function size(t: Translate, bytes: number): string {
  if (bytes < MB) return t("identity.size.kb", { value: Math.max(1, Math.round(bytes / 1024)) });
  return t("identity.size.mb", { value: (bytes / MB).toFixed(1) });
}

function stateOf(document: ReviewDocument): DocumentRow["state"] {
  if (document.myNumberFlaggedAt) return "flagged";
  if (document.purgedAt) return "purged";
  if (document.purgeAfter || !document.stored) return "scheduled";
  return "stored";
}

function toRow(document: ReviewDocument, locale: Locale, t: Translate): DocumentRow {
  const state = stateOf(document);
  const note = document.purgeNote;
  return {
    id: document.id,
    kind: t(`identity.kind.${document.kind}`),
    owner: t(`identity.owner.${document.owner}`),
    side: document.side ?? "—",
    uploadedAt: formatDateTime(locale, document.uploadedAt),
    size: size(t, document.sizeBytes),
    hashPrefix: document.hashPrefix,
    state,
    purged: document.purgedAt
      ? [
          t("review.documents.purgedAt", { date: formatDateTime(locale, document.purgedAt) }),
          note === "VERIFIED" || note === "RESUBMIT" || note === "UNVERIFIABLE"
            ? t(`review.purgeNote.${note}`)
            : note === "MY_NUMBER"
              ? t("review.purgeNote.MY_NUMBER")
              : "",
        ]
          .filter(Boolean)
          .join(" — ")
      : null,
    pdf: document.mimeType === "application/pdf",
  };
}

/**
 * Identity review: the documents with an in-page viewer, the known data to match beside it, and
 * the three decisions while identity is undecided; afterwards a read-only record of documents
 * (destroyed, with hash and kind) and decisions.
 */
export async function IdentityReviewPanel({ request, actor, locale, t }: StaffPanelProps) {
  const review = await getIdentityReview({ actor, reference: request.reference });
  if (!review) return null;
  const deciding = checkTransition("verifyIdentity", review.status).ok;
  // Before verification a document may still be looked at (and flagged), e.g. while the request
  // waits for more information; once verified or closed, only the record remains.
  const reviewing = isOpen(review.status) && !request.identityVerifiedAt;
  if (!deciding && review.documents.length === 0 && review.decisions.length === 0) return null;
  const agent = review.filerRole !== "SELF";
  const rows = review.documents.map((document) => toRow(document, locale, t));
  const openable = reviewing && review.canOpen;
  return (
    <section className="panel" aria-labelledby="review-title" data-testid="identity-review">
      <h2 id="review-title">{t(deciding ? "review.title" : "review.historyTitle")}</h2>
      {reviewing && <p>{t("review.intro")}</p>}
      {reviewing && !review.canOpen && rows.some((row) => row.state === "stored") && (
        <p className="notice">{t("review.assignedElsewhere")}</p>
      )}
      {/* Opening a document needs a passkey confirmed in the last 10 minutes. */}
      {openable && !hasRecentPasskey(actor) && rows.some((row) => row.state === "stored") && (
        <StepUpNotice />
      )}
      <DocumentReview
        documents={rows}
        canOpen={openable && hasRecentPasskey(actor)}
        viewer={reviewing}
      >
        {reviewing && <KnownData review={review} locale={locale} t={t} />}
      </DocumentReview>
      {deciding && (
        <>
          <VerifyForm reference={request.reference} agent={agent} drp={request.channel === "DRP"} />
          <ResubmissionForm reference={request.reference} />
          <UnverifiableForm reference={request.reference} />
        </>
      )}
      <DecisionHistory decisions={review.decisions} locale={locale} t={t} />
    </section>
  );
}
