"use client";

import { useForm } from "@/components/forms/use-form";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { registerDrpAgent } from "@/lib/actions/manager/drp/register-drp-agent";
import type { TDrpAgentRegistration, TDrpAgentRegistrationInput } from "@/lib/validation/drp";

const EMPTY: TDrpAgentRegistrationInput = {
  agentId: "",
  name: "",
  verifyKey: "",
  identityAssuranceUrl: "",
  technicalContact: "",
};

/** Registers an authorised agent from its entry in the DRP agent directory. */
export function RegisterAgentForm() {
  const { t } = useI18n();
  const form = useForm<TDrpAgentRegistrationInput, unknown, TDrpAgentRegistration>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/drp").then((m) => m.ZDrpAgentRegistration),
    ),
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, registerDrpAgent, {
    saved: "drp.register.saved",
    fields: ["agentId", "name", "verifyKey", "identityAssuranceUrl", "technicalContact"],
    onSuccess: () => form.reset(EMPTY),
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="drp-register-title">
      <h2 id="drp-register-title">{t("drp.register.title")}</h2>
      <p>{t("drp.register.intro")}</p>
      <TextField
        id="drp-agent-id"
        label={t("drp.register.agentId")}
        hint={t("drp.register.agentIdHelp")}
        required
        autoComplete="off"
        spellCheck={false}
        error={errors.agentId?.message}
        registration={form.register("agentId")}
      />
      <TextField
        id="drp-name"
        label={t("drp.register.name")}
        hint={t("drp.register.nameHelp")}
        required
        autoComplete="off"
        error={errors.name?.message}
        registration={form.register("name")}
      />
      <TextField
        id="drp-verify-key"
        label={t("drp.register.verifyKey")}
        hint={t("drp.register.verifyKeyHelp")}
        required
        autoComplete="off"
        spellCheck={false}
        error={errors.verifyKey?.message}
        registration={form.register("verifyKey")}
      />
      <TextField
        id="drp-identity-assurance"
        type="url"
        label={t("drp.register.identityAssuranceUrl")}
        hint={t("drp.register.identityAssuranceUrlHelp")}
        autoComplete="off"
        error={errors.identityAssuranceUrl?.message}
        registration={form.register("identityAssuranceUrl")}
      />
      <TextField
        id="drp-technical-contact"
        type="email"
        label={t("drp.register.technicalContact")}
        autoComplete="off"
        error={errors.technicalContact?.message}
        registration={form.register("technicalContact")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("drp.register.submit")}</SubmitButton>
    </form>
  );
}
