import Link from "next/link";
import { notFound } from "next/navigation";

import { RequestFacts } from "@/components/requests/request-facts";
import { RequestTimeline } from "@/components/requests/request-timeline";
import { pageActor } from "@/lib/auth/page-actor";
import { getRequest } from "@/lib/data/requests/get-request";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export default async function MyRequestPage({
  params,
}: {
  params: Promise<{ locale: string; reference: string }>;
}) {
  const { locale: raw, reference } = await params;
  const locale = toLocale(raw);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  // Another subject's request, a tampered reference and an unknown one all look the same.
  const request = await getRequest({ actor, reference });
  if (!request) notFound();
  return (
    <>
      <h1>
        {t(`requestType.${request.type}`)} <small>{request.reference}</small>
      </h1>
      <RequestFacts request={request} locale={locale} t={t} now={new Date()} />
      <h2>{t("request.timeline")}</h2>
      <RequestTimeline events={request.events} locale={locale} t={t} />
      <p>
        <Link href={`/${locale}/me`}>{t("request.back")}</Link>
      </p>
    </>
  );
}
