"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

import { Choice, ChoiceGroup, SelectField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
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
      <SelectField
        id="identity-kind"
        label={t("identity.upload.kindLabel")}
        name="kind"
        defaultValue={DOCUMENT_KINDS[0]}
      >
        {DOCUMENT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`identity.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <ChoiceGroup id="identity-owner" legend={t("identity.upload.ownerLabel")}>
        {DOCUMENT_OWNERS.map((owner) => (
          <Choice
            key={owner}
            type="radio"
            name="owner"
            value={owner}
            defaultChecked={owner === "SUBJECT"}
            label={t(`identity.owner.${owner}`)}
          />
        ))}
      </ChoiceGroup>
      <TextField
        id="identity-file"
        label={t("identity.upload.fileLabel")}
        hint={t("identity.upload.fileHelp", {
          fileMb: MAX_FILE_BYTES / MB,
          requestMb: MAX_REQUEST_BYTES / MB,
        })}
        error={fileError}
        name="file"
        type="file"
        accept={ACCEPTED_MIME_TYPES.join(",")}
      />
      {uploading && <ProgressBar value={progress} label={t("identity.upload.progressLabel")} />}
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <div aria-live="polite">{done && <p role="status">{t("identity.upload.done")}</p>}</div>
      <SubmitButton pending={uploading} pendingLabel={t("identity.upload.uploading")}>
        {t("identity.upload.submit")}
      </SubmitButton>
    </form>
  );
}
