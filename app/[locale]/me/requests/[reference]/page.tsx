import { ClientSections } from "@/components/i18n/client-sections";
import Link from "next/link";
import { notFound } from "next/navigation";

import { DocumentsPanel } from "@/components/identity/documents-panel";
import { MessageForm } from "@/components/requests/message-form";
import { LetterList } from "@/components/requests/letter-list";
import { MessageThread } from "@/components/requests/message-thread";
import { RequestDetails } from "@/components/requests/request-details";
import { RequestFacts } from "@/components/requests/request-facts";
import { RequestTimeline } from "@/components/requests/request-timeline";
import { StatusTracker } from "@/components/requests/status-tracker";
import { RequestChanges } from "@/components/requests/request-changes";
import { ComplaintNotice } from "@/components/requests/complaint-notice";
import { FeeNotice } from "@/components/requests/fee-notice";
import { ResultList, resultHref } from "@/components/requests/result-list";
import { StartDownload } from "@/components/requests/start-download";
import { WithdrawForm } from "@/components/requests/withdraw-form";
import { pageActor } from "@/lib/auth/page-actor";
import { signedInRecently } from "@/lib/auth/recent-auth";
import { getKeyNames } from "@/lib/data/data-map/get-key-names";
import { complaintAuthorities } from "@/lib/data/requests/complaint-authorities";
import { getRequest } from "@/lib/data/requests/get-request";
import { readerZone } from "@/lib/deadlines/calendar";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { complaintNoticeDue } from "@/lib/requests/complaints";
import { isOpen } from "@/lib/requests/lifecycle";

export const dynamic = "force-dynamic";

export default async function MyRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; reference: string }>;
  searchParams: Promise<{ filed?: string; result?: string; download?: string }>;
}) {
  const { locale: raw, reference } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  // Another subject's request, a tampered reference and an unknown one all look the same.
  const request = await getRequest({ actor, reference });
  if (!request) notFound();
  const open = isOpen(request.status);
  const query = await searchParams;
  const filed = query.filed === "1";
  // Back from signing in again for a download: start it, if it is still there to take.
  const now = new Date();
  const download = request.packages.find(
    (p) => p.id === query.download && (!p.expiresAt || p.expiresAt > now),
  );
  const resume = download && (await signedInRecently()) ? download : undefined;
  // Documents come first until identity is decided. IDENTITY_REVIEW counts too: a document sent
  // while awaited moves the request there, and the panel must stay where it was (moving it would
  // remount the upload form and lose its "received" message).
  // The requester's own calendar, for every date their page shows.
  const zone = readerZone(request.residenceCountry, request.residenceRegion);
  const awaitingDocuments =
    request.status === "SUBMITTED" ||
    request.status === "AWAITING_IDENTITY" ||
    request.status === "IDENTITY_REVIEW";
  const documents = (
    <DocumentsPanel
      actor={actor}
      reference={request.reference}
      status={request.status}
      locale={locale}
    />
  );
  return (
    <ClientSections locale={locale} sections={["request", "messages", "identity"]}>
      <h1>
        {t(`requestType.${request.type}`)} <small>{request.reference}</small>
      </h1>
      <StatusTracker
        status={request.status}
        identityVerified={request.identityVerifiedAt !== null}
        t={t}
      />
      <div aria-live="polite">
        {filed && (
          <div className="success">
            <p>
              <strong>{t("request.filedTitle")}</strong>{" "}
              {t("request.filedBody", { reference: request.reference })}
            </p>
            {open && <p>{t("request.nextSteps")}</p>}
          </div>
        )}
      </div>
      {query.result === "expired" && (
        <p className="alert" role="alert">
          {t("request.resultExpired")}
        </p>
      )}
      {resume && (
        <StartDownload
          href={resultHref(locale, request.reference, resume.id)}
          label={t(`disclosurePackage.download.${resume.format}`)}
        />
      )}
      {request.status === "AWAITING_FEE" && (
        <FeeNotice actor={actor} reference={request.reference} locale={locale} t={t} />
      )}
      {/* The next step first: identity documents while they are awaited, else after the thread. */}
      {awaitingDocuments && documents}
      {request.status === "NEEDS_INFO" && (
        <p className="notice" role="status">
          {t("messages.needsInfo")}
        </p>
      )}
      <RequestFacts request={request} locale={locale} t={t} now={now} zone={zone} />
      {complaintNoticeDue(request.outcome, request.extendedDueAt !== null) && (
        <ComplaintNotice
          authorities={await complaintAuthorities(undefined, request)}
          locale={locale}
          t={t}
        />
      )}
      <ResultList
        reference={request.reference}
        packages={request.packages}
        locale={locale}
        t={t}
        now={now}
      />
      <LetterList request={request} locale={locale} t={t} audience="requester" zone={zone} />
      <RequestChanges actor={actor} reference={request.reference} locale={locale} t={t} />
      <h2>{t("request.details")}</h2>
      <RequestDetails
        type={request.type}
        details={request.details}
        names={await getKeyNames({ locale, details: request.details })}
        t={t}
      />
      <h2>{t("request.timeline")}</h2>
      <RequestTimeline events={request.events} locale={locale} t={t} />
      <h2>{t("messages.title")}</h2>
      <MessageThread
        messages={request.messages}
        reference={request.reference}
        locale={locale}
        t={t}
        viewer="requester"
      />
      {open && <MessageForm reference={request.reference} staff={false} />}
      {!awaitingDocuments && documents}
      {open && request.filedById === actor.userId && <WithdrawForm reference={request.reference} />}
      <p>
        <Link href={`/${locale}/me`}>{t("request.back")}</Link>
      </p>
    </ClientSections>
  );
}
