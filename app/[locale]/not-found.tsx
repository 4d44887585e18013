import Link from "next/link";

import { getTranslator } from "@/lib/i18n/translate";

// Next.js gives not-found pages no params, so the locale is unknown here: both languages show,
// each from its catalogue.
export default function NotFound() {
  const ja = getTranslator("ja");
  const en = getTranslator("en");
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title">
        {ja("errors.notFoundTitle")} / <span lang="en">{en("errors.notFoundTitle")}</span>
      </h1>
      <p>
        <Link href="/ja">{ja("errors.backHome")}</Link> ·{" "}
        <Link href="/en" lang="en">
          {en("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
