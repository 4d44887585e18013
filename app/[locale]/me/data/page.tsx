import Link from "next/link";

import { ClientSections } from "@/components/i18n/client-sections";

import { applyGpcSignal, GpcNotice } from "@/components/privacy/gpc-notice";

import { DataGroup } from "@/components/my-data/data-group";
import { groupItems, type ItemGroup } from "@/components/my-data/group-items";
import { StoppedSection } from "@/components/my-data/stopped-section";
import { TabLinks } from "@/components/ui/tab-links";
import { pageActor } from "@/lib/auth/page-actor";
import { listMyPersonalData } from "@/lib/data/subjects/list-my-personal-data";
import { listMyStops } from "@/lib/data/subjects/list-my-stops";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

export default async function MyDataPage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = toLocale((await props.params).locale);
  const t = getTranslator(locale);
  const actor = await pageActor(locale);
  const by = (await props.searchParams).by === "system" ? "system" : "category";
  // The browser's GPC signal first: what it stops is part of what this page shows.
  const gpc = await applyGpcSignal(actor);
  const [items, stops] = await Promise.all([listMyPersonalData({ actor }), listMyStops({ actor })]);
  const groups = items ? groupItems(items, by) : [];
  // Informative data is its own class: in the category view it gets a section of its own.
  const main = by === "category" ? groups.filter((g) => g.dataClass !== "INFORMATIVE") : groups;
  const informative = by === "category" ? groups.filter((g) => g.dataClass === "INFORMATIVE") : [];
  const renderGroup = (g: ItemGroup) => (
    <DataGroup key={g.key} group={g} groupBy={by} locale={locale} t={t} />
  );

  return (
    <>
      <h1>{t("ledger.myData.title")}</h1>
      <p>{t("ledger.myData.intro")}</p>
      <p>
        <Link href={`/${locale}/me`}>{t("ledger.backToMe")}</Link> ·{" "}
        <Link href={`/${locale}/me/ledger`}>{t("ledger.link")}</Link>
      </p>
      <ClientSections locale={locale} sections={["gpc"]}>
        <GpcNotice actor={actor} signal={gpc} locale={locale} t={t} />
      </ClientSections>
      {!items ? (
        <p>{t("ledger.myData.notKnown")}</p>
      ) : (
        <>
          <TabLinks
            label={t("ledger.myData.groupBy")}
            tabs={(["category", "system"] as const).map((option) => ({
              href: `/${locale}/me/data?by=${option}`,
              label:
                option === "category" ? t("ledger.myData.byCategory") : t("ledger.myData.bySystem"),
              current: by === option,
            }))}
          />
          <section aria-labelledby="items-title">
            <h2 id="items-title">
              {by === "category" ? t("ledger.myData.byCategory") : t("ledger.myData.bySystem")}
            </h2>
            {items.length === 0 && <p>{t("ledger.myData.empty")}</p>}
            {items.length > 0 && <p className="help">{t("ledger.myData.openHint")}</p>}
            {main.map((g) => renderGroup(g))}
          </section>
          {informative.length > 0 && (
            <section aria-labelledby="informative-title" data-class="INFORMATIVE">
              <h2 id="informative-title">{t("ledger.myData.informativeTitle")}</h2>
              <p>{t("ledger.myData.informativeHelp")}</p>
              {informative.map((g) => renderGroup(g))}
            </section>
          )}
        </>
      )}
      {stops && <StoppedSection stops={stops} locale={locale} t={t} />}
    </>
  );
}
