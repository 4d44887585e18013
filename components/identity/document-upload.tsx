"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useI18n } from "@/components/i18n/i18n-provider";
import { isMessageKeyLike } from "@/lib/i18n/keys";
import type { MessageKey } from "@/lib/i18n/translate";
import {
  ACCEPTED_MIME_TYPES,
  DOCUMENT_KINDS,
  DOCUMENT_OWNERS,
  MAX_FILE_BYTES,
  MAX_REQUEST_BYTES,
} from "@/lib/identity/rules";

// Sends one document with XMLHttpRequest: fetch() cannot report upload progress. The server
// decides what is accepted; the size check here only spares a long wait for a certain refusal.

const MB = 1024 * 1024;
type Reply = { ok: boolean; error?: string; errorId?: string };

export function DocumentUpload({ reference }: { reference: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [fileError, setFileError] = useState<MessageKey>();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const [done, setDone] = useState(false);

  function send(data: FormData) {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/requests/${encodeURIComponent(reference)}/documents`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress((e.loaded / e.total) * 100);
    xhr.onload = () => {
      setProgress(null);
      const reply = xhr.response as Reply | null;
      if (reply?.ok) {
        setDone(true);
        form.current?.reset();
        router.refresh();
        return;
      }
      const error = reply?.error && isMessageKeyLike(reply.error) ? reply.error : undefined;
      setFailure({ error: error ?? "identity.errors.uploadFailed", errorId: reply?.errorId });
    };
    xhr.onerror = () => {
      setProgress(null);
      setFailure({ error: "identity.errors.uploadFailed" });
    };
    xhr.send(data);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setDone(false);
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const problem: MessageKey | undefined =
      !(file instanceof File) || file.size === 0
        ? "identity.errors.noFile"
        : file.size > MAX_FILE_BYTES
          ? "identity.errors.tooLarge"
          : undefined;
    setFileError(problem);
    if (!problem) send(data);
  }

  const uploading = progress !== null;
  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-labelledby="identity-upload-title">
      <h3 id="identity-upload-title">{t("identity.upload.title")}</h3>
      <div className="notice" role="note" aria-labelledby="identity-warning-title">
        <p id="identity-warning-title">
          <strong>{t("identity.warning.title")}</strong>
        </p>
        <ul>
          <li>{t("identity.warning.myNumber")}</li>
          <li>{t("identity.warning.healthInsurance")}</li>
          <li>{t("identity.warning.nonPhoto")}</li>
          <li>{t("identity.warning.agent")}</li>
        </ul>
      </div>
      <div className="field">
        <label htmlFor="identity-kind">{t("identity.upload.kindLabel")}</label>
        <select id="identity-kind" name="kind" defaultValue={DOCUMENT_KINDS[0]}>
          {DOCUMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`identity.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t("identity.upload.ownerLabel")}</legend>
        {DOCUMENT_OWNERS.map((owner) => (
          <label className="choice" key={owner}>
            <input type="radio" name="owner" value={owner} defaultChecked={owner === "SUBJECT"} />
            {t(`identity.owner.${owner}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="identity-file">{t("identity.upload.fileLabel")}</label>
        <input
          id="identity-file"
          name="file"
          type="file"
          accept={ACCEPTED_MIME_TYPES.join(",")}
          aria-describedby={
            fileError ? "identity-file-help identity-file-error" : "identity-file-help"
          }
          aria-invalid={fileError ? true : undefined}
        />
        <p id="identity-file-help" className="help">
          {t("identity.upload.fileHelp", {
            fileMb: MAX_FILE_BYTES / MB,
            requestMb: MAX_REQUEST_BYTES / MB,
          })}
        </p>
        <FieldError id="identity-file-error" message={fileError} />
      </div>
      {uploading && <ProgressBar value={progress} label={t("identity.upload.progressLabel")} />}
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <div aria-live="polite">{done && <p role="status">{t("identity.upload.done")}</p>}</div>
      <button type="submit" disabled={uploading}>
        {uploading ? t("identity.upload.uploading") : t("identity.upload.submit")}
      </button>
    </form>
  );
}
