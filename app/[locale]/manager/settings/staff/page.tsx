import { forbidden } from "next/navigation";

import { StackTable } from "@/components/ui/stack-table";
import { ClientSections } from "@/components/i18n/client-sections";
import { StaffAddForm } from "@/components/manager/settings/policies/staff-add-form";
import { StaffRowActions } from "@/components/manager/settings/policies/staff-row-actions";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { listStaff } from "@/lib/data/staff-accounts/list-staff";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** Staff accounts with their open requests; add, change role, remove. */
export default async function StaffSettingsPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "staff:manage")) forbidden();
  const staff = await listStaff({ actor });

  return (
    <ClientSections locale={locale} sections={["settingsPolicies", "passkeys"]}>
      <p>
        <a href={`/${locale}/manager/settings`}>{t("settingsPolicies.back")}</a>
      </p>
      <h1>{t("settingsPolicies.staff.title")}</h1>
      <p>{t("settingsPolicies.staff.intro")}</p>
      <StackTable
        columns={[
          t("settingsPolicies.staff.name"),
          t("settingsPolicies.staff.email"),
          t("settingsPolicies.staff.role"),
          t("settingsPolicies.staff.openAssigned"),
          t("passkeys.passkeysColumn"),
          t("settingsPolicies.staff.actions"),
        ]}
        caption={t("settingsPolicies.staff.caption")}
        testId="staff-accounts"
      >
        {staff.map((member) => (
          <tr key={member.id} data-id={member.id}>
            <td>{member.name}</td>
            <td>{member.email}</td>
            <td>{t(`settingsPolicies.staff.roles.${member.role as "STAFF"}`)}</td>
            <td>{member.openAssigned}</td>
            <td>{t("passkeys.passkeyCount", { count: member.passkeys })}</td>
            <td>
              {member.id === actor.userId ? (
                t("settingsPolicies.staff.you")
              ) : (
                <StaffRowActions
                  userId={member.id}
                  name={member.name || member.email}
                  role={member.role as "STAFF"}
                  email={member.email}
                  canRevokePasskeys={can(actor.role, "passkeys:revoke") && member.passkeys > 0}
                />
              )}
            </td>
          </tr>
        ))}
      </StackTable>
      <StaffAddForm />
    </ClientSections>
  );
}
