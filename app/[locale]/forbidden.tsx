import { ForbiddenView } from "@/components/errors/forbidden-view";

// A page the person's role does not open calls forbidden() (next/navigation) after its
// permission check (lib/auth/permissions.ts): Next.js answers 403 with this view inside the
// locale's layout. Next.js gives it no params; the client view reads the locale from the layout's
// I18nProvider, as not-found.tsx does.
export default function Forbidden() {
  return <ForbiddenView />;
}
