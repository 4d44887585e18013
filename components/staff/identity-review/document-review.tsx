"use client";

import { useState, type ReactNode } from "react";

import { useI18n } from "@/components/i18n/i18n-provider";
import { StackTable } from "@/components/ui/stack-table";

import { FlagForm } from "./flag-form";

/** One document as the panel shows it; every text already translated on the server. */
export interface DocumentRow {
  id: string;
  kind: string;
  owner: string;
  side: string;
  uploadedAt: string;
  size: string;
  hashPrefix: string;
  state: "stored" | "scheduled" | "purged" | "flagged";
  /** When and why the file was destroyed. */
  purged: string | null;
  pdf: boolean;
}

/**
 * The request's documents and the in-page viewer, with the known data (`children`) beside it.
 * A document is fetched only when staff choose "View", and every fetch is a fresh request to the
 * staff-only route, which audits it; the view counter keeps the browser from reusing a copy.
 */
export function DocumentReview(props: {
  documents: DocumentRow[];
  canOpen: boolean;
  viewer: boolean;
  children?: ReactNode;
}) {
  const { documents, canOpen, viewer, children } = props;
  const { t } = useI18n();
  const [shown, setShown] = useState<{ id: string; view: number }>();
  const [loaded, setLoaded] = useState(false);
  const [flagging, setFlagging] = useState<string>();
  const [flagDone, setFlagDone] = useState(false);
  const current = documents.find((d) => d.id === shown?.id && d.state === "stored");
  const name = (d: DocumentRow) => ({ kind: d.kind, owner: d.owner });
  const src = current && shown ? `/api/staff/documents/${current.id}?view=${shown.view}` : "";
  const flagged = documents.find((d) => d.id === flagging && d.state === "stored");

  return (
    <>
      <h3 id="documents-title">{t("review.documents.title")}</h3>
      {documents.length === 0 ? (
        <p>{t("review.documents.empty")}</p>
      ) : (
        <StackTable
          labelledBy="documents-title"
          testId="review-documents"
          columns={[
            t("review.documents.columns.owner"),
            t("review.documents.columns.kind"),
            t("review.documents.columns.side"),
            t("review.documents.columns.uploadedAt"),
            t("review.documents.columns.size"),
            t("review.documents.columns.hash"),
            t("review.documents.columns.state"),
            ...(canOpen ? [t("review.documents.columns.actions")] : []),
          ]}
        >
          {documents.map((d) => (
            <tr key={d.id} data-testid={`review-document-${d.id}`} data-state={d.state}>
              <td>{d.owner}</td>
              <td>{d.kind}</td>
              <td>{d.side}</td>
              <td>{d.uploadedAt}</td>
              <td>{d.size}</td>
              <td>
                <code>{d.hashPrefix}</code>
              </td>
              <td>
                {t(`review.documents.state.${d.state}`)}
                {d.purged && (
                  <>
                    <br />
                    <small>{d.purged}</small>
                  </>
                )}
              </td>
              {canOpen && (
                <td>
                  {d.state === "stored" && (
                    <div className="row">
                      <button
                        type="button"
                        aria-label={t("review.documents.viewLabel", {
                          ...name(d),
                          uploadedAt: d.uploadedAt,
                        })}
                        onClick={() => {
                          setLoaded(false);
                          setShown({ id: d.id, view: (shown?.view ?? 0) + 1 });
                        }}
                      >
                        {t("review.documents.view")}
                      </button>
                      <button
                        type="button"
                        className="link"
                        aria-expanded={flagging === d.id}
                        onClick={() => {
                          setFlagDone(false);
                          setFlagging(flagging === d.id ? undefined : d.id);
                        }}
                      >
                        {t("review.flag.button")}
                      </button>
                    </div>
                  )}
                </td>
              )}
            </tr>
          ))}
        </StackTable>
      )}
      {flagged && (
        <FlagForm
          key={flagged.id}
          documentId={flagged.id}
          label={t("review.flag.which", { ...name(flagged), uploadedAt: flagged.uploadedAt })}
          onDone={() => {
            if (shown?.id === flagged.id) setShown(undefined);
            setFlagging(undefined);
            setFlagDone(true);
          }}
          onCancel={() => setFlagging(undefined)}
        />
      )}
      <div aria-live="polite">{flagDone && <p className="success">{t("review.flag.done")}</p>}</div>
      {viewer && (
        <div className="row">
          {canOpen && (
            <section
              aria-labelledby="viewer-title"
              data-testid="document-viewer"
              className="document-viewer"
            >
              <h3 id="viewer-title">{t("review.viewer.title")}</h3>
              {!current ? (
                <p>{t("review.viewer.empty")}</p>
              ) : (
                <>
                  <p>
                    {t("review.viewer.showing", name(current))}{" "}
                    <button type="button" className="link" onClick={() => setShown(undefined)}>
                      {t("review.viewer.close")}
                    </button>
                  </p>
                  {current.pdf ? (
                    <iframe
                      key={src}
                      src={src}
                      title={t("review.viewer.pdfTitle", name(current))}
                      onLoad={() => setLoaded(true)}
                    />
                  ) : (
                    // eslint-disable-next-line @next/next/no-img-element -- a private, audited response; next/image would proxy and cache it
                    <img
                      key={src}
                      src={src}
                      alt={t("review.viewer.imageAlt", name(current))}
                      onLoad={() => setLoaded(true)}
                    />
                  )}
                  <p role="status">{loaded ? t("review.viewer.audited") : ""}</p>
                </>
              )}
            </section>
          )}
          {children && <div className="document-side">{children}</div>}
        </div>
      )}
    </>
  );
}
