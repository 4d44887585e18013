import { notFound } from "next/navigation";

// Any path under a locale that no page matches ends here, so it gets the site's own not-found page
// (app/[locale]/not-found.tsx) inside the layout, in the path's language, with status 404. Without
// it Next.js answers such paths with its built-in English page, outside our layout.
export default function UnknownPage(): never {
  notFound();
}
