import { test as base, type BrowserContext } from "@playwright/test";

import { createSession, createUser, type Role } from "./db";

type Person = Awaited<ReturnType<typeof createUser>>;

/** Signs a fresh person of the given role into a browser context by a real database session. */
export async function signInAs(
  context: BrowserContext,
  baseURL: string,
  role: Role,
  options: { withSubject?: boolean } = {},
): Promise<Person> {
  const person = await createUser(role, options);
  const token = await createSession(person.id);
  await context.addCookies([
    { name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
  return person;
}

export const test = base.extend<{
  signIn: (role: Role, options?: { withSubject?: boolean }) => Promise<Person>;
}>({
  signIn: async ({ context, baseURL }, use) => {
    await use((role, options) => signInAs(context, baseURL!, role, options));
  },
});

export { expect } from "@playwright/test";
