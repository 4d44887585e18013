import { StackTable } from "@/components/ui/stack-table";
import type { Actor } from "@/lib/auth/actor";
import { listDocuments } from "@/lib/data/identity/list-documents";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { getTranslator, type Translate } from "@/lib/i18n/translate";
import { acceptsUploads } from "@/lib/identity/rules";
import { isOpen } from "@/lib/requests/lifecycle";

import { DocumentUpload } from "./document-upload";

// The requester's identity documents on their request page. Only facts are shown: the person's
// own file name is never stored, and no preview is served, so an ID image never leaves the store.

const MB = 1024 * 1024;

export function formatSize(t: Translate, bytes: number): string {
  if (bytes < MB) return t("identity.size.kb", { value: Math.max(1, Math.round(bytes / 1024)) });
  return t("identity.size.mb", { value: (bytes / MB).toFixed(1) });
}

export async function DocumentsPanel(props: {
  actor: Actor;
  reference: string;
  status: RequestStatus;
  locale: Locale;
}) {
  const { actor, reference, status, locale } = props;
  if (!isOpen(status)) return null;
  const t = getTranslator(locale);
  const documents = await listDocuments({ actor, reference });
  // Once identity is decided the files are purged and no more may be sent: nothing to show.
  if (!acceptsUploads(status) && documents.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t("identity.title")}</h2>
      <p>{t("identity.intro")}</p>
      {documents.length === 0 ? (
        <p data-testid="identity-empty">{t("identity.empty")}</p>
      ) : (
        <StackTable
          testId="identity-documents"
          caption={t("identity.listTitle")}
          columns={[
            t("identity.columns.kind"),
            t("identity.columns.owner"),
            t("identity.columns.uploadedAt"),
            t("identity.columns.size"),
          ]}
        >
          {documents.map((document) => (
            <tr key={document.id}>
              <td>{t(`identity.kind.${document.kind}`)}</td>
              <td>{t(`identity.owner.${document.owner}`)}</td>
              <td>{formatDateTime(locale, document.uploadedAt)}</td>
              <td>{formatSize(t, document.sizeBytes)}</td>
            </tr>
          ))}
        </StackTable>
      )}
      {acceptsUploads(status) ? (
        <DocumentUpload reference={reference} />
      ) : (
        <p>{t("identity.errors.closed")}</p>
      )}
    </section>
  );
}
