import Link from "next/link";
import { forbidden } from "next/navigation";

import { RequestTypeIcon } from "@/components/requests/request-type-icon";
import { WizardSteps } from "@/components/requests/wizard-steps";
import { REQUEST_TYPES } from "@/lib/requests/vocabulary";
import { pageActor } from "@/lib/auth/page-actor";
import { can } from "@/lib/auth/permissions";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

/** Step one of the wizard: which of the six rights. */
export default async function ChooseRequestPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const locale = toLocale((await params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  if (!can(actor.role, "request:file")) forbidden();
  return (
    <>
      <WizardSteps current={0} t={t} />
      <h1>{t("requestForm.chooseTitle")}</h1>
      <p>{t("requestForm.chooseIntro")}</p>
      {/* The six rights as cards, each saying in one line what it does; the whole card is the link. */}
      <ul className="choices">
        {REQUEST_TYPES.map((type) => (
          <li key={type} className="panel">
            <span className="choice-icon">
              <RequestTypeIcon type={type} />
            </span>
            <Link href={`/${locale}/me/requests/new/${type.toLowerCase().replace(/_/g, "-")}`}>
              {t(`requestType.${type}`)}
            </Link>
            <p className="help">{t(`requestTypeHelp.${type}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
