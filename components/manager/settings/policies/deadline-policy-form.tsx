"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type Resolver } from "react-hook-form";

import { useForm } from "@/components/forms/use-form";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { removeDeadlineOverride } from "@/lib/actions/manager/policies/remove-deadline-override";
import { updateDeadlinePolicy } from "@/lib/actions/manager/policies/update-deadline-policy";
import type { MessageKey } from "@/lib/i18n/translate";
import type { JURISDICTIONS } from "@/lib/validation/policies-config";

import { policyFormValues } from "./policy-defaults";
import { PolicyFields, type PolicyFormInput, type PolicyFormOutput } from "./policy-fields";

export interface PolicyRowProps {
  id: string;
  jurisdiction: (typeof JURISDICTIONS)[number];
  title: string;
  base: boolean;
  values: Parameters<typeof policyFormValues>[0];
}

/** One stored deadline rule, editable; a per-type rule can also be removed. */
export function DeadlinePolicyForm({ policy }: { policy: PolicyRowProps }) {
  const { t } = useI18n();
  const prefix = `dp-${policy.id}`;
  const form = useForm<PolicyFormInput, unknown, PolicyFormOutput>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/policies-config").then((m) => m.ZDeadlinePolicyUpdate),
    ) as unknown as Resolver<PolicyFormInput, unknown, PolicyFormOutput>,
    defaultValues: {
      ...policyFormValues(policy.values),
      id: policy.id,
      jurisdiction: policy.jurisdiction,
    },
  });
  const { failure, onSubmit, pending } = useActionForm(
    form,
    (values) => updateDeadlinePolicy({ ...values, id: policy.id }),
    { saved: "settingsPolicies.saved" },
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="panel"
      aria-labelledby={`${prefix}-title`}
      data-testid={`policy-${policy.jurisdiction}-${policy.base ? "base" : "type"}`}
    >
      <h3 id={`${prefix}-title`}>{policy.title}</h3>
      <PolicyFields form={form} prefix={prefix} />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsPolicies.save")}</SubmitButton>{" "}
      {!policy.base && <RemoveOverride id={policy.id} />}
    </form>
  );
}

function RemoveOverride({ id }: { id: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ error?: MessageKey; errorId?: string }>({});
  const remove = async () => {
    setBusy(true);
    const result = await removeDeadlineOverride({ id });
    setBusy(false);
    if (result.ok) return router.refresh();
    setError({ error: result.error, errorId: result.errorId });
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void remove()}>
        {t("settingsPolicies.deadlines.removeOverride")}
      </button>
      <FormAlert error={error.error} errorId={error.errorId} />
    </>
  );
}
