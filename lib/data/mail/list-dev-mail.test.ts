import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db";
import { createTestDatabase } from "@/scripts/lib/test-database";

// The demo mailbox shows sign-in links: who may read which, and for how long.

let testDb: { url: string; drop: () => Promise<void> };
let db: Db;
let mod: {
  list: typeof import("./list-dev-mail");
  deliver: typeof import("@/lib/mail/deliver");
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { getDb } = await import("@/lib/db");
  db = getDb();
  mod = { list: await import("./list-dev-mail"), deliver: await import("@/lib/mail/deliver") };
});

afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("the demo mailbox", () => {
  it("is for this machine; other machines, when allowed, read mail to subjects only", async () => {
    const staff = `${randomUUID()}@staff.example.jp`;
    const subject = `${randomUUID()}@subject.example.jp`;
    await db.user.create({ data: { email: staff, role: "MANAGER" } });
    await db.user.create({ data: { email: subject, role: "SUBJECT" } });
    const later = new Date(Date.now() + 15 * 60_000);
    for (const to of [staff, subject])
      await mod.deliver.deliverMail(db, {
        to,
        subject: "link",
        text: "https://x/",
        expiresAt: later,
      });

    const demo = { demo: true, remote: false };
    const local = await mod.list.listDevMail({ local: true, settings: demo });
    expect(local?.map((m) => m.to)).toEqual(expect.arrayContaining([staff, subject]));
    // From another machine: no mailbox at all, unless the operator allowed it.
    expect(await mod.list.listDevMail({ local: false, settings: demo })).toBeNull();
    const remote = await mod.list.listDevMail({
      local: false,
      settings: { demo: true, remote: true },
    });
    expect(remote?.map((m) => m.to)).toContain(subject);
    expect(remote?.map((m) => m.to)).not.toContain(staff);
    // Outside demo mode it does not exist, even here.
    expect(
      await mod.list.listDevMail({ local: true, settings: { demo: false, remote: true } }),
    ).toBeNull();
  });

  it("keeps a sign-in link no longer than it works", async () => {
    const to = `${randomUUID()}@subject.example.jp`;
    await mod.deliver.deliverMail(db, {
      to,
      subject: "old link",
      text: "https://x/expired",
      expiresAt: new Date(Date.now() - 1000),
    });
    const listed = await mod.list.listDevMail({
      local: true,
      settings: { demo: true, remote: false },
    });
    expect(listed?.some((m) => m.to === to)).toBe(false);
    expect(await db.devMail.count({ where: { to } })).toBe(0);
  });
});
