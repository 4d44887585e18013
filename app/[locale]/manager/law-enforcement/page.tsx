import { StackTable } from "@/components/ui/stack-table";
import Link from "next/link";
import { forbidden } from "next/navigation";

import { ClientSections } from "@/components/i18n/client-sections";
import { RegisterForm } from "@/components/manager/law-enforcement/register-form";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { getRegisterOptions, listDisclosures } from "@/lib/data/law-enforcement/list-disclosures";
import { toLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/translate";
import { ZLawEnforcementPage } from "@/lib/validation/law-enforcement";

export const dynamic = "force-dynamic";

const SCOPE_SUMMARY = 80;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
};

export default async function LawEnforcementRegisterPage({ params, searchParams }: Props) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "manager:dashboard")) forbidden();
  const requested = ZLawEnforcementPage.parse((await searchParams).page);
  const [register, options] = await Promise.all([
    listDisclosures({ actor, page: requested }),
    can(actor.role, "policy:configure") ? getRegisterOptions({ actor, locale }) : null,
  ]);
  const href = (page: number) => `/${locale}/manager/law-enforcement?page=${page}`;

  return (
    <ClientSections locale={locale} sections={["lawEnforcement"]}>
      <h1>{t("lawEnforcement.title")}</h1>
      <p>{t("lawEnforcement.intro")}</p>
      {options && <RegisterForm approvers={options.approvers} categories={options.categories} />}
      <section aria-labelledby="le-list-title">
        <h2 id="le-list-title">{t("lawEnforcement.listTitle")}</h2>
        {register.entries.length === 0 ? (
          <p>{t("lawEnforcement.empty")}</p>
        ) : (
          <StackTable
            columns={[
              t("lawEnforcement.column.date"),
              t("lawEnforcement.column.basis"),
              t("lawEnforcement.column.authority"),
              t("lawEnforcement.column.scope"),
              t("lawEnforcement.column.recorder"),
              t("lawEnforcement.column.approver"),
              t("lawEnforcement.column.decision"),
            ]}
            caption={t("lawEnforcement.caption")}
            testId="le-register"
          >
            {register.entries.map((e) => (
              <tr key={e.id} data-id={e.id}>
                <td>{formatDate(locale, e.disclosedAt)}</td>
                <td>{t(`lawEnforcement.basis.${e.basis}`)}</td>
                <td>{e.authority}</td>
                <td>
                  {e.scope.length > SCOPE_SUMMARY ? `${e.scope.slice(0, SCOPE_SUMMARY)}…` : e.scope}
                </td>
                <td>{e.recorder ?? t("lawEnforcement.none")}</td>
                <td>{e.approver ?? t("lawEnforcement.none")}</td>
                <td>{t(`lawEnforcement.decision.${e.decision}`)}</td>
              </tr>
            ))}
          </StackTable>
        )}
        {register.pages > 1 && (
          <nav aria-label={t("lawEnforcement.pagination")}>
            <p>{t("lawEnforcement.pageOf", { page: register.page, pages: register.pages })}</p>
            {register.page > 1 && (
              <Link href={href(register.page - 1)}>{t("lawEnforcement.previous")}</Link>
            )}{" "}
            {register.page < register.pages && (
              <Link href={href(register.page + 1)}>{t("lawEnforcement.next")}</Link>
            )}
          </nav>
        )}
      </section>
    </ClientSections>
  );
}
