"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";

import { registerPasskey, renewRecoveryCodes, type Failure } from "./passkey-calls";
import { RecoveryCodes } from "./recovery-codes";

/** Adds a passkey from the account page, naming the device. */
export function AddPasskey() {
  const { t } = useI18n();
  const router = useRouter();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const [done, setDone] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setDone(false);
    const result = await registerPasskey(name.trim() || t("passkeys.defaultName"));
    setBusy(false);
    if (!result.ok) return setFailure(result);
    setName("");
    setDone(true);
    if (result.recoveryCodes) setCodes(result.recoveryCodes);
    router.refresh();
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  return (
    <form onSubmit={(e) => void add(e)} noValidate>
      <div className="field">
        <label htmlFor="passkey-name">{t("passkeys.nameLabel")}</label>
        <p id="passkey-name-help" className="help">
          {t("passkeys.nameHelp")}
        </p>
        <input
          id="passkey-name"
          maxLength={50}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby="passkey-name-help"
        />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      {done && <p role="status">{t("passkeys.added")}</p>}
      <button type="submit" disabled={busy}>
        {busy ? t("passkeys.registering") : t("passkeys.add")}
      </button>
    </form>
  );
}

/** New recovery codes for staff (after a passkey confirmation), shown once. */
export function RenewRecoveryCodes() {
  const { t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<Failure>();
  const [codes, setCodes] = useState<string[] | null>(null);

  async function renew() {
    setFailure(undefined);
    const result = await renewRecoveryCodes();
    if (!result.ok) return setFailure(result);
    setCodes(result.recoveryCodes);
  }

  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          router.refresh();
        }}
      />
    );
  return (
    <>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="button" className="secondary" onClick={() => void renew()}>
        {t("passkeys.codesRenew")}
      </button>
    </>
  );
}
