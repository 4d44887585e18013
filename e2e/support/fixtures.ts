import { test as base, type BrowserContext, type Page } from "@playwright/test";

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

type Elsewhere = { page: Page; context: BrowserContext; person: Person };

export const test = base.extend<{
  signIn: (role: Role, options?: { withSubject?: boolean }) => Promise<Person>;
  /** Another person in a browser of their own (staff beside a subject); closed after the test. */
  signInElsewhere: (role: Role, options?: { withSubject?: boolean }) => Promise<Elsewhere>;
}>({
  signIn: async ({ context, baseURL }, use) => {
    await use((role, options) => signInAs(context, baseURL!, role, options));
  },
  signInElsewhere: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (role, options) => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const person = await signInAs(context, baseURL!, role, options);
      return { page: await context.newPage(), context, person };
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from "@playwright/test";
