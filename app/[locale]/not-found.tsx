import { NotFoundView } from "@/components/errors/not-found-view";
import { getActor } from "@/lib/auth/actor";

// Next.js gives not-found pages no params; the client view reads the locale from the layout's
// I18nProvider. The header already offers sign-in and the audience's own pages; the way to
// "My page" is repeated here for the people who have one.
export default async function NotFound() {
  const actor = await getActor();
  return <NotFoundView myPage={actor?.role === "SUBJECT"} />;
}
