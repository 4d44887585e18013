import Link from "next/link";

import { NOTICE_JSON_PATH, elementName } from "@/components/notice/labels";
import { StackTable } from "@/components/ui/stack-table";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

import { Section } from "./section";
import { SECTIONS, type SectionId } from "./sections";

/** The current version of the notice, as the page shows it (cached, so plain JSON). */
export interface CurrentNotice {
  version: number;
  createdAt: string;
}

// Where this page gives each element of a notice as ISO/IEC 29184 clause 5.3 lists them.
const WHERE = [
  { element: "controller", sections: ["contact"] },
  { element: "purposes", sections: ["purposes"] },
  { element: "categories", sections: ["collection"] },
  { element: "sources", sections: ["collection"] },
  { element: "recipients", sections: ["recipients", "foreign", "processors"] },
  { element: "retention", sections: ["collection"] },
  { element: "rights", sections: ["rights", "fees", "identity"] },
  { element: "complaints", sections: ["complaints"] },
  { element: "changes", sections: [] },
] as const satisfies readonly { element: string; sections: readonly SectionId[] }[];

/**
 * Which elements of a privacy notice (ISO/IEC 29184, JIS X 9252) this page covers and where, the
 * current version with its date, and the same notice as JSON and its version history.
 */
export function NoticeSection(props: {
  current: CurrentNotice | null;
  locale: Locale;
  t: Translate;
}) {
  const { current, locale, t } = props;
  const history = `/${locale}/privacy/versions`;
  const title = (id: SectionId) => t(SECTIONS.find((s) => s.id === id)!.title);
  return (
    <Section id="notice" t={t}>
      <p>{t("noticeVersions.section.intro")}</p>
      <p data-testid="notice-current">
        {current
          ? t("noticeVersions.section.current", {
              version: current.version,
              date: formatDate(locale, current.createdAt),
            })
          : t("noticeVersions.section.noVersion")}
      </p>
      <StackTable
        caption={t("noticeVersions.section.caption")}
        columns={[t("noticeVersions.section.colElement"), t("noticeVersions.section.colWhere")]}
        testId="notice-elements"
      >
        {WHERE.map(({ element, sections }) => (
          <tr key={element} data-element={element}>
            <th scope="row">{elementName(t, element)}</th>
            <td>
              {element === "changes" ? (
                <Link href={history}>{t("noticeVersions.history")}</Link>
              ) : (
                sections.map((id, i) => (
                  <span key={id}>
                    {i > 0 && t("noticeVersions.change.separator")}
                    <a href={`#${id}`}>{title(id)}</a>
                  </span>
                ))
              )}
            </td>
          </tr>
        ))}
      </StackTable>
      <p>
        <a href={NOTICE_JSON_PATH} type="application/json">
          {t("noticeVersions.json")}
        </a>{" "}
        <small>{t("noticeVersions.section.jsonHelp")}</small>
      </p>
    </Section>
  );
}
