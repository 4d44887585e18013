import type { Translate } from "@/lib/i18n/translate";

import { SECTIONS } from "./sections";

export function TableOfContents({ t }: { t: Translate }) {
  return (
    <nav aria-labelledby="toc-title" className="panel">
      <h2 id="toc-title">{t("transparency.toc")}</h2>
      <ol>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{t(s.title)}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
