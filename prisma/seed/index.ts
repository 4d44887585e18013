import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordNoticeVersion } from "@/lib/notice/record";

import { categories, categoryNotice, fields, purposes, systems, uses } from "./data-map";
import { lawEnforcementDisclosures, planProvisions, receipts } from "./ledger";
import { deadlinePolicies, organisation, staffUsers } from "./organisation";
import { items, registrationItems } from "./personal-data";
import { createClock, createRng, dateOnly } from "./random";
import { recipients, scenes } from "./recipients";
import { consents, restrictions, subjects } from "./subjects";

// The demo organisation: a fictional Japanese company shaped like the privacy policy and
// privacy-center page in ../shared/seeds. Deterministic (fixed PRNG seed; dates are offsets from
// now), idempotent (nothing happens once the Organisation row exists) and one transaction.

export type SeedCounts = Record<string, number>;

// Only `count` of the organisation is used outside the transaction: a client that omits columns
// (lib/db.ts omits the logo) is as good as a plain one.
type CountsOrganisations = { organisation: { count(): Promise<number> } };
type SeedDb = Pick<PrismaClient, "$transaction"> & CountsOrganisations;

/** True when the database holds no organisation yet (a fresh database the demo can fill). */
export async function isDatabaseEmpty(db: CountsOrganisations): Promise<boolean> {
  return (await db.organisation.count()) === 0;
}

// Serialises concurrent seeders (e.g. the app's start script and `npm run db:seed`).
const SEED_LOCK = 7_270_415;

export async function seedDemo(
  db: SeedDb,
  options: { now?: Date } = {},
): Promise<{ created: boolean; counts?: SeedCounts }> {
  if (!(await isDatabaseEmpty(db))) return { created: false };
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
      if (
        await tx.organisation.findUnique({ where: { id: organisation.id }, select: { id: true } })
      ) {
        return { created: false };
      }
      return { created: true, counts: await insertDemo(tx, options.now ?? new Date()) };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

function keyed<T extends { id: string; key: string }>(rows: T[]): (key: string) => string {
  const map = new Map(rows.map((r) => [r.key, r.id]));
  return (key) => {
    const id = map.get(key);
    if (!id) throw new Error(`seed: unknown key ${key}`);
    return id;
  };
}

async function insertDemo(tx: Prisma.TransactionClient, now: Date): Promise<SeedCounts> {
  const rng = createRng();
  const clock = createClock(now);
  const select = { id: true, key: true } as const;

  await tx.organisation.create({ data: organisation });

  const withUser = subjects.filter((s) => s.user);
  const users = await tx.user.createManyAndReturn({
    data: [
      ...staffUsers.map((u) => ({ ...u, emailVerified: clock.daysAgo(400) })),
      ...withUser.map((s) => ({
        email: s.email,
        name: `${s.familyName} ${s.givenName}`,
        role: "SUBJECT" as const,
        locale: s.user?.locale ?? "ja",
        emailVerified: clock.daysAgo(s.registeredDaysAgo - 5),
      })),
    ],
    select: { id: true, email: true },
  });
  const userId = keyed(users.map((u) => ({ id: u.id, key: u.email })));

  const systemId = keyed(await tx.dataSystem.createManyAndReturn({ data: [...systems], select }));
  const categoryId = keyed(
    await tx.dataCategory.createManyAndReturn({
      data: categories.map((c, i) => ({ ...c, ...categoryNotice[c.key], sortOrder: (i + 1) * 10 })),
      select,
    }),
  );
  const purposeId = keyed(
    await tx.purpose.createManyAndReturn({
      data: purposes.map((p, i) => ({ ...p, sortOrder: (i + 1) * 10 })),
      select,
    }),
  );
  const useRows = uses.flatMap((u) =>
    u.categories.flatMap((c) =>
      u.purposes.map((p) => ({
        systemId: systemId(u.system),
        categoryId: categoryId(c),
        purposeId: purposeId(p),
      })),
    ),
  );
  await tx.systemCategoryPurpose.createMany({ data: useRows, skipDuplicates: true });
  await tx.dataField.createMany({
    data: fields.map((f) => ({
      systemId: systemId(f.system),
      key: f.key,
      labelJa: f.labelJa,
      labelEn: f.labelEn,
    })),
  });

  const recipientId = keyed(
    await tx.recipient.createManyAndReturn({ data: [...recipients], select }),
  );
  const sceneId = keyed(
    await tx.scene.createManyAndReturn({
      data: scenes.map((s, i) => ({ ...s, sortOrder: (i + 1) * 10 })),
      select,
    }),
  );

  const subjectRows = await tx.subject.createManyAndReturn({
    data: subjects.map((s) => ({
      userId: s.user ? userId(s.email) : null,
      familyName: s.familyName,
      givenName: s.givenName,
      familyNameKana: s.familyNameKana,
      givenNameKana: s.givenNameKana,
      birthDate: dateOnly(s.birthDate),
      email: s.email,
      phone: s.phone,
      postalCode: s.postalCode,
      address: s.address,
      createdAt: clock.daysAgo(s.registeredDaysAgo),
    })),
    select: { id: true, email: true },
  });
  const subjectId = keyed(
    subjects.map((s) => ({
      key: s.key,
      id: subjectRows.find((r) => r.email === s.email)?.id ?? "",
    })),
  );

  const externalIds = subjects.flatMap((s) =>
    Object.entries(s.externalIds).map(([system, externalId]) => ({
      subjectId: subjectId(s.key),
      systemId: systemId(system),
      externalId,
    })),
  );
  await tx.subjectExternalId.createMany({ data: externalIds });

  const itemRows = [...subjects.flatMap(registrationItems), ...items].map((it) => {
    const collectedAt = clock.daysAgo(it.daysAgo, 9 + (it.field.length % 10), it.value.length % 60);
    return {
      subjectId: subjectId(it.subject),
      systemId: systemId(it.system),
      categoryId: categoryId(it.category),
      field: it.field,
      value: it.value,
      source: it.source,
      sourceNote: it.sourceNote,
      linkedToPerson: it.linkedToPerson ?? true,
      collectedAt,
      retainUntil: it.retainYears ? clock.addYears(collectedAt, it.retainYears) : null,
      legalHold: Boolean(it.legalHoldReason),
      legalHoldReason: it.legalHoldReason ?? null,
    };
  });
  await tx.personalDataItem.createMany({ data: itemRows });

  const consentRows = await tx.consent.createManyAndReturn({
    data: consents.map((c) => ({
      subjectId: subjectId(c.subject),
      kind: c.kind,
      recipientId: c.recipient ? recipientId(c.recipient) : null,
      purposeId: c.purpose ? purposeId(c.purpose) : null,
      reference: c.reference,
      descriptionJa: c.descriptionJa,
      descriptionEn: c.descriptionEn,
      grantedAt: clock.daysAgo(c.grantedDaysAgo, 8),
      withdrawnAt: c.withdrawnDaysAgo === undefined ? null : clock.daysAgo(c.withdrawnDaysAgo, 21),
    })),
    select: { id: true, subjectId: true, kind: true, grantedAt: true, withdrawnAt: true },
  });
  const consentFor = (subject: string, kind: string) => {
    const row = consentRows.find((c) => c.subjectId === subjectId(subject) && c.kind === kind);
    if (!row) throw new Error(`seed: no ${kind} consent for ${subject}`);
    return row;
  };

  await tx.useRestriction.createMany({
    data: restrictions.map((r) => ({
      subjectId: subjectId(r.subject),
      kind: r.kind,
      purposeId: purposeId(r.purpose),
      effectiveAt: clock.daysAgo(r.effectiveDaysAgo, 15),
    })),
  });

  const provisions = planProvisions(rng, clock).map((p, i) => {
    const s = p.stream;
    const consent = s.consent ? consentFor(s.subject, s.consent) : undefined;
    if (
      consent &&
      (p.providedAt < consent.grantedAt ||
        (consent.withdrawnAt && p.providedAt > consent.withdrawnAt))
    ) {
      throw new Error(`seed: provision ${i} lies outside its ${s.consent} consent`);
    }
    return {
      subjectId: subjectId(s.subject),
      recipientId: recipientId(p.recipient),
      purposeId: purposeId(s.purpose),
      sceneId: s.scene ? sceneId(s.scene) : null,
      sourceSystemId: systemId(s.system),
      providedAt: p.providedAt,
      periodEnd: p.periodEnd,
      items: s.items,
      legalBasis: s.basis,
      consentId: consent?.id ?? null,
      keepUntil: p.keepUntil,
      // Pushes from the reservation system carry its event id, as the integration API would.
      externalEventId:
        s.system === "reservations" ? `rsv-evt-${String(i + 1).padStart(5, "0")}` : null,
      createdAt: p.providedAt,
    };
  });
  await tx.provisionRecord.createMany({ data: provisions });

  await tx.lawEnforcementDisclosure.createMany({
    data: lawEnforcementDisclosures.map((d) => ({
      subjectId: "subject" in d ? subjectId(d.subject) : null,
      authority: recipients.find((r) => r.key === d.authority)?.nameJa ?? d.authority,
      basis: d.basis,
      issuingOfficer: d.issuingOfficer,
      scope: d.scope,
      items: [...d.items],
      recordedById: userId(`${d.recordedBy}@example.jp`),
      approverId: userId(`${d.approvedBy}@example.jp`),
      disclosedAt: clock.daysAgo(d.daysAgo, 16),
      note: d.note,
    })),
  });

  await tx.receiptRecord.createMany({
    data: receipts.map((r) => {
      const receivedAt = clock.daysAgo(r.daysAgo, 11);
      return {
        subjectId: subjectId(r.subject),
        sourceSystemId: systemId(r.system),
        providerName: r.providerName,
        providerAddress: r.providerAddress,
        providerRepresentative: r.providerRepresentative,
        acquisitionMethod: r.acquisitionMethod,
        receivedAt,
        items: [...r.items],
        legalBasis: r.basis,
        // PPC Rules Art.25: three years for a record made per receipt.
        keepUntil: clock.addYears(receivedAt, 3),
        externalEventId: r.eventId,
        createdAt: receivedAt,
      };
    }),
  });

  await tx.deadlinePolicy.createMany({ data: [...deadlinePolicies] });
  // The privacy notice as the demo organisation publishes it: version 1 (lib/notice/record.ts).
  await recordNoticeVersion(tx, { actorId: null, actorRole: null });

  return {
    users: users.length,
    systems: systems.length,
    categories: categories.length,
    purposes: purposes.length,
    uses: useRows.length,
    fields: fields.length,
    recipients: recipients.length,
    scenes: scenes.length,
    subjects: subjects.length,
    externalIds: externalIds.length,
    items: itemRows.length,
    consents: consentRows.length,
    restrictions: restrictions.length,
    provisions: provisions.length,
    lawEnforcement: lawEnforcementDisclosures.length,
    deadlinePolicies: deadlinePolicies.length,
  };
}
