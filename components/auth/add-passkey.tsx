"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useI18n } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";

import { registerPasskey, renewRecoveryCodes, type Failure } from "./passkey-calls";
import { RecoveryCodes } from "./recovery-codes";

/** Adds a passkey from the account page, naming the device. */
export function AddPasskey() {
  const { t } = useI18n();
  const router = useRouter();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const [codes, setCodes] = useState<string[] | null>(null);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const result = await registerPasskey(name.trim() || t("passkeys.defaultName"));
    setBusy(false);
    if (!result.ok) return setFailure(result);
    setName("");
    toast(t("passkeys.added"));
    if (result.recoveryCodes) setCodes(result.recoveryCodes);
    router.refresh();
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  return (
    <form onSubmit={(e) => void add(e)} noValidate>
      <TextField
        id="passkey-name"
        label={t("passkeys.nameLabel")}
        hint={t("passkeys.nameHelp")}
        maxLength={50}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <SubmitButton pending={busy} pendingLabel={t("passkeys.registering")}>
        {t("passkeys.add")}
      </SubmitButton>
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
