"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { revokeStaffPasskeys } from "@/lib/actions/auth/passkeys";
import { changeStaffRole } from "@/lib/actions/manager/policies/change-staff-role";
import { removeStaff } from "@/lib/actions/manager/policies/remove-staff";
import type { MessageKey } from "@/lib/i18n/translate";
import { STAFF_ROLE_CHOICES } from "@/lib/validation/choices";
import type { StaffRoleChoice } from "@/lib/validation/policies-config";

type Outcome = { error?: MessageKey; errorId?: string; openRequests?: number; done?: MessageKey };

/**
 * A staff member's role change, removal and (for admins) passkey revocation; the server applies
 * every rule again.
 */
export function StaffRowActions(props: {
  userId: string;
  name: string;
  email: string;
  role: StaffRoleChoice;
  canRevokePasskeys: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [role, setRole] = useState<StaffRoleChoice>(props.role);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({});
  const prefix = `staff-${props.userId}`;

  const run = async (send: () => Promise<Outcome | null>) => {
    setBusy(true);
    setOutcome({});
    const result = await send();
    setBusy(false);
    if (result) setOutcome(result);
    router.refresh();
  };

  const change = () =>
    run(async () => {
      const result = await changeStaffRole({ userId: props.userId, role });
      return result.ok
        ? { done: "settingsPolicies.saved" }
        : { error: result.error, errorId: result.errorId };
    });
  const remove = () =>
    run(async () => {
      const result = await removeStaff({ userId: props.userId });
      if (!result.ok) return { error: result.error, errorId: result.errorId };
      return result.data.removed
        ? { done: "settingsPolicies.staff.removed" }
        : { openRequests: result.data.openRequests };
    });

  const revoke = () =>
    run(async () => {
      const result = await revokeStaffPasskeys({ userId: props.userId });
      return result.ok
        ? { done: "passkeys.revoked" }
        : { error: result.error, errorId: result.errorId };
    });

  return (
    <div>
      <div className="row">
        <select
          id={`${prefix}-role`}
          aria-label={t("settingsPolicies.staff.roleOf", { name: props.name })}
          value={role}
          onChange={(e) => setRole(e.target.value as StaffRoleChoice)}
        >
          {STAFF_ROLE_CHOICES.map((r) => (
            <option key={r} value={r}>
              {t(`settingsPolicies.staff.roles.${r}`)}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy || role === props.role} onClick={() => void change()}>
          {t("settingsPolicies.staff.changeRole")}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-label={t("settingsPolicies.staff.removeLabel", { name: props.name })}
          onClick={() => void remove()}
        >
          {t("settingsPolicies.staff.remove")}
        </button>
        {props.canRevokePasskeys && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            aria-label={t("passkeys.revokeLabel", { email: props.email })}
            onClick={() => void revoke()}
          >
            {t("passkeys.revoke")}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {outcome.done && <p className="success">{t(outcome.done)}</p>}
        {outcome.openRequests !== undefined && (
          <p className="alert" role="alert">
            {t("settingsPolicies.staff.openRequestsRefusal", { count: outcome.openRequests })}
          </p>
        )}
      </div>
      <FormAlert error={outcome.error} errorId={outcome.errorId} />
    </div>
  );
}
