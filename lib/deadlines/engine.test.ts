import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";
import { deadlinePolicies } from "@/prisma/seed/organisation";

import {
  checkExtension,
  computeDeadlines,
  type ClockEventInput,
  type ExtensionInput,
  type Policy,
} from "./engine";
import { isJapaneseHoliday } from "./holidays";
import { validatePolicy } from "./policy";

// Each jurisdiction counts in its own local time (calendar.ts). Instants are written with the
// offset in force there: JST for Japan, and for the others the end of a local day at its offset
// that day (London +00:00 in winter, +01:00 in summer; Los Angeles -08:00/-07:00; São Paulo -03:00).
const jst = (s: string) => new Date(`${s}+09:00`);
const endOf = (day: string) => jst(`${day}T23:59:59.999`).toISOString();
const endAt = (day: string, offset: string) =>
  new Date(`${day}T23:59:59.999${offset}`).toISOString();
const DAY = 24 * 60 * 60 * 1000;

const SEEDED: Policy[] = deadlinePolicies.map((p) => ({
  jurisdiction: p.jurisdiction,
  requestType: p.requestType,
  amount: p.amount,
  unit: p.unit,
  extensionAmount: "extensionAmount" in p ? p.extensionAmount : null,
  extensionUnit: "extensionUnit" in p ? p.extensionUnit : null,
  ackAmount: "ackAmount" in p ? p.ackAmount : null,
  ackUnit: "ackUnit" in p ? p.ackUnit : null,
  pauseAllowed: p.pauseAllowed,
}));

const policy = (over: Partial<Policy> & Pick<Policy, "jurisdiction">): Policy => ({
  requestType: null,
  amount: 10,
  unit: "CALENDAR_DAYS",
  extensionAmount: null,
  extensionUnit: null,
  ackAmount: null,
  ackUnit: null,
  pauseAllowed: false,
  ...over,
});

function due(
  received: Date,
  jurisdictions: Jurisdiction[],
  extra: {
    type?: RequestType;
    policies?: Policy[];
    clockEvents?: ClockEventInput[];
    extensions?: ExtensionInput[];
    now?: Date;
    residenceCountry?: string;
  } = {},
) {
  return computeDeadlines({
    receivedAt: received,
    type: extra.type ?? "DISCLOSURE",
    jurisdictions,
    policies: extra.policies ?? SEEDED,
    clockEvents: extra.clockEvents,
    extensions: extra.extensions,
    now: extra.now,
    residenceCountry: extra.residenceCountry,
  });
}
const only = (r: ReturnType<typeof due>, j: Jurisdiction) => {
  const found = r.jurisdictions.find((x) => x.jurisdiction === j);
  if (!found) throw new Error(`no ${j}`);
  return found;
};

describe("Japanese public holidays", () => {
  it("knows Golden Week, New Year and substitute holidays, whatever the server's time zone", () => {
    for (const day of [
      "2026-04-29",
      "2026-05-04",
      "2026-05-05",
      "2026-05-06",
      "2027-01-01",
      "2027-03-22",
    ]) {
      expect(isJapaneseHoliday(new Date(`${day}T00:00:00Z`)), day).toBe(true);
    }
    for (const day of ["2026-05-07", "2026-12-31", "2027-03-23"]) {
      expect(isJapaneseHoliday(new Date(`${day}T00:00:00Z`)), day).toBe(false);
    }
  });
});

describe("deadline engine: each jurisdiction", () => {
  it("JP: 10 calendar days by default, with the two-week warning only at or beyond 14 days", () => {
    const r = due(jst("2026-11-22T10:00:00"), ["JP"]);
    expect(r.dueAt.toISOString()).toBe(endOf("2026-12-02"));
    expect(r.jpStatutory).toEqual({ limitAt: new Date(endOf("2026-12-06")), warning: false });
    expect(only(r, "JP").ackDueAt).toBeNull();
    const slow = due(jst("2026-11-22T10:00:00"), ["JP"], {
      policies: [policy({ jurisdiction: "JP", amount: 14 })],
    });
    expect(slow.jpStatutory?.warning).toBe(true);
    const thirteen = due(jst("2026-11-22T10:00:00"), ["JP"], {
      policies: [policy({ jurisdiction: "JP", amount: 13 })],
    });
    expect(thirteen.jpStatutory?.warning).toBe(false);
  });

  it("JP: falls back to 10 days when no policy is configured, and prefers a rule for the type", () => {
    expect(due(jst("2026-11-22T10:00:00"), ["JP"], { policies: [] }).dueAt.toISOString()).toBe(
      endOf("2026-12-02"),
    );
    const typed = [
      policy({ jurisdiction: "JP" }),
      policy({ jurisdiction: "JP", requestType: "CORRECTION", amount: 5 }),
    ];
    const received = jst("2026-11-22T10:00:00");
    expect(due(received, ["JP"], { policies: typed, type: "CORRECTION" }).dueAt.toISOString()).toBe(
      endOf("2026-11-27"),
    );
    expect(due(received, ["JP"], { policies: typed }).dueAt.toISOString()).toBe(
      endOf("2026-12-02"),
    );
  });

  it("JP business days skip Golden Week (with its substitute holiday); other jurisdictions only weekends", () => {
    const received = jst("2026-04-28T10:00:00"); // Tuesday before Showa Day
    const five = (j: Jurisdiction) => policy({ jurisdiction: j, amount: 5, unit: "BUSINESS_DAYS" });
    const r = due(received, ["JP", "KR"], { policies: [five("JP"), five("KR")] });
    // Apr 30, May 1, (May 3-6 holidays, May 6 in lieu of Sunday May 3) May 7, 8, 11.
    expect(only(r, "JP").dueAt.toISOString()).toBe(endOf("2026-05-11"));
    expect(only(r, "KR").dueAt.toISOString()).toBe(endOf("2026-05-05"));
    expect(r.governing).toBe("KR");
  });

  it("JP business days skip New Year's Day and a substitute holiday", () => {
    const three = [policy({ jurisdiction: "JP", amount: 3, unit: "BUSINESS_DAYS" })];
    // Thursday Dec 31 (not a public holiday) → Jan 1 holiday, weekend → Jan 4, 5, 6.
    expect(due(jst("2026-12-31T18:00:00"), ["JP"], { policies: three }).dueAt.toISOString()).toBe(
      endOf("2027-01-06"),
    );
    // Friday Mar 19 2027 → Monday Mar 22 is in lieu of the equinox on Sunday → Tue 23, 24, 25.
    expect(due(jst("2027-03-19T10:00:00"), ["JP"], { policies: three }).dueAt.toISOString()).toBe(
      endOf("2027-03-25"),
    );
  });

  it("EU and UK: one month, same date else the month's last day, leap years included", () => {
    const eu = (s: string) => due(new Date(s), ["EU"]).dueAt.toISOString();
    const uk = (s: string) => due(new Date(s), ["UK"]).dueAt.toISOString();
    expect(eu("2026-01-31T10:00:00+01:00")).toBe(endAt("2026-02-28", "+01:00"));
    expect(eu("2028-01-31T10:00:00+01:00")).toBe(endAt("2028-02-29", "+01:00"));
    // London changes to summer time on 26 March 2028: the deadline ends at midnight BST.
    expect(uk("2028-02-29T10:00:00+00:00")).toBe(endAt("2028-03-29", "+01:00"));
    expect(uk("2026-03-31T10:00:00+01:00")).toBe(endAt("2026-04-30", "+01:00"));
  });

  it("EU: counted in the member state's own time, not Japan's or Brussels'", () => {
    // 22:30 UTC on Jan 31 is Feb 1 in Japan and in Helsinki, still Jan 31 in Paris.
    const late = new Date("2026-01-31T22:30:00Z");
    const paris = due(late, ["EU"], { residenceCountry: "FR" });
    expect(only(paris, "EU").zone).toBe("Europe/Paris");
    expect(paris.dueAt.toISOString()).toBe(endAt("2026-02-28", "+01:00"));
    const helsinki = due(late, ["EU"], { residenceCountry: "FI" });
    expect(only(helsinki, "EU").zone).toBe("Europe/Helsinki");
    expect(helsinki.dueAt.toISOString()).toBe(endAt("2026-03-01", "+02:00"));
    // The same instant, for Japan: Feb 1 + 10 days.
    expect(due(late, ["JP"]).dueAt.toISOString()).toBe(endOf("2026-02-11"));
  });

  it("US-CA: acknowledgement in 10 business days (weekends only), response in 45 days; opt-out 15 business days", () => {
    const received = new Date("2026-04-28T10:00:00-07:00");
    const r = due(received, ["US_CA"]);
    expect(only(r, "US_CA").zone).toBe("America/Los_Angeles");
    // Japanese holidays do not count in California: Apr 29 … May 12 is ten weekdays.
    expect(only(r, "US_CA").ackDueAt?.toISOString()).toBe(endAt("2026-05-12", "-07:00"));
    expect(r.ackDueAt?.toISOString()).toBe(endAt("2026-05-12", "-07:00"));
    expect(r.dueAt.toISOString()).toBe(endAt("2026-06-12", "-07:00"));
    const optOut = due(received, ["US_CA"], { type: "STOP_PROVISION" });
    expect(optOut.dueAt.toISOString()).toBe(endAt("2026-05-19", "-07:00"));
    // 10:00 on Apr 28 in Tokyo is still Apr 27 in Los Angeles: California counts from the 27th.
    expect(due(jst("2026-04-28T10:00:00"), ["US_CA"]).dueAt.toISOString()).toBe(
      endAt("2026-06-11", "-07:00"),
    );
  });

  it("KR 10 days and BR 15 days", () => {
    expect(due(jst("2028-02-25T10:00:00"), ["KR"]).dueAt.toISOString()).toBe(
      endAt("2028-03-06", "+09:00"),
    );
    expect(due(new Date("2028-02-25T10:00:00-03:00"), ["BR"]).dueAt.toISOString()).toBe(
      endAt("2028-03-11", "-03:00"),
    );
  });

  it("takes the earliest deadline across jurisdictions", () => {
    // 18:00 UTC on Jan 31 is Jan 31 in Brussels, Los Angeles and São Paulo alike.
    const received = new Date("2026-01-31T18:00:00Z");
    const r = due(received, ["EU", "US_CA", "BR"]);
    expect(r.governing).toBe("BR");
    expect(r.dueAt.toISOString()).toBe(endAt("2026-02-15", "-03:00"));
    const r2 = due(received, ["EU", "US_CA"]);
    expect(r2.governing).toBe("EU");
    expect(r2.dueAt.toISOString()).toBe(endAt("2026-02-28", "+01:00"));
  });
});

describe("deadline engine: pauses", () => {
  // Mar 10 in Tokyo, London, Brussels and Los Angeles alike.
  const received = new Date("2026-03-10T12:00:00Z");
  const utc = (s: string) => new Date(`${s}Z`);
  const closed: ClockEventInput[] = [
    { kind: "PAUSE", at: utc("2026-03-15T09:00:00") },
    { kind: "RESUME", at: utc("2026-03-20T09:00:00") },
  ];

  it("UK: the paused span is added back; EU, US-CA and JP ignore pauses", () => {
    const r = due(received, ["UK", "EU", "US_CA", "JP"], { clockEvents: closed });
    expect(only(r, "UK").baseDueAt.toISOString()).toBe(endAt("2026-04-10", "+01:00"));
    expect(only(r, "UK").dueAt.toISOString()).toBe(endAt("2026-04-15", "+01:00"));
    expect(only(r, "EU").dueAt.toISOString()).toBe(endAt("2026-04-10", "+02:00"));
    expect(only(r, "US_CA").dueAt.toISOString()).toBe(endAt("2026-04-24", "-07:00"));
    expect(only(r, "JP").dueAt.toISOString()).toBe(endOf("2026-03-20"));
    expect(r.jurisdictions.map((j) => [j.jurisdiction, j.pauseAllowed])).toEqual([
      ["UK", true],
      ["EU", false],
      ["US_CA", false],
      ["JP", false],
    ]);
  });

  it("UK: a part-day pause adds a whole day; an open pause runs until now", () => {
    const hours = due(received, ["UK"], {
      clockEvents: [
        { kind: "PAUSE", at: utc("2026-03-15T09:00:00") },
        { kind: "RESUME", at: utc("2026-03-15T17:00:00") },
      ],
    });
    expect(hours.dueAt.toISOString()).toBe(endAt("2026-04-11", "+01:00"));
    const open = due(received, ["UK"], {
      clockEvents: [{ kind: "PAUSE", at: utc("2026-03-15T09:00:00") }],
      now: utc("2026-03-25T09:00:00"),
    });
    expect(open.dueAt.toISOString()).toBe(endAt("2026-04-20", "+01:00"));
    expect(only(open, "UK").paused).toBe(true);
  });

  it("UK: a pause after the deadline passed does not revive it", () => {
    const late = due(received, ["UK"], {
      clockEvents: [
        { kind: "PAUSE", at: utc("2026-04-12T09:00:00") },
        { kind: "RESUME", at: utc("2026-04-20T09:00:00") },
      ],
    });
    expect(late.dueAt.toISOString()).toBe(endAt("2026-04-10", "+01:00"));
  });

  it("UK: identity asked for starts the month again on the day it arrives; elsewhere it does not", () => {
    const events: ClockEventInput[] = [
      { kind: "PAUSE", at: utc("2026-03-12T09:00:00") },
      { kind: "RESTART", at: utc("2026-03-20T23:30:00") },
    ];
    const r = due(received, ["UK", "EU", "JP"], { clockEvents: events, now: utc("2026-04-01") });
    // 23:30 UTC on Mar 20 is still Mar 20 in London (GMT): one month from that day.
    expect(only(r, "UK").clockStartAt.toISOString()).toBe(utc("2026-03-20T23:30:00").toISOString());
    expect(only(r, "UK").restartedBy).toBe("IDENTITY");
    expect(only(r, "UK").dueAt.toISOString()).toBe(endAt("2026-04-20", "+01:00"));
    expect(only(r, "UK").paused).toBe(false);
    // The EU and Japan count from the request itself.
    expect(only(r, "EU").clockStartAt.toISOString()).toBe(received.toISOString());
    expect(only(r, "EU").dueAt.toISOString()).toBe(endAt("2026-04-10", "+02:00"));
    expect(only(r, "JP").dueAt.toISOString()).toBe(endOf("2026-03-20"));
    // A clarification pause after the restart still stops the clock; one before it does not count.
    const later = due(received, ["UK"], {
      clockEvents: [
        ...events,
        { kind: "PAUSE", at: utc("2026-03-25T09:00:00") },
        { kind: "RESUME", at: utc("2026-03-27T09:00:00") },
      ],
    });
    expect(later.dueAt.toISOString()).toBe(endAt("2026-04-22", "+01:00"));
    // Identity asked for twice: the latest arrival counts.
    const twice = due(received, ["UK"], {
      clockEvents: [...events, { kind: "RESTART", at: utc("2026-03-28T10:00:00") }],
    });
    expect(twice.dueAt.toISOString()).toBe(endAt("2026-04-28", "+01:00"));
  });

  it("a fee asked for restarts the count on its arrival in the UK, Japan and Korea, not in the EU or California", () => {
    const events: ClockEventInput[] = [
      { kind: "PAUSE", at: utc("2026-03-12T09:00:00") },
      { kind: "FEE_RESTART", at: utc("2026-03-20T12:00:00") },
    ];
    const r = due(received, ["UK", "EU", "JP", "KR", "US_CA"], {
      clockEvents: events,
      now: utc("2026-04-01"),
    });
    expect(only(r, "UK").clockStartAt.toISOString()).toBe(utc("2026-03-20T12:00:00").toISOString());
    expect(only(r, "UK").restartedBy).toBe("FEE");
    expect(only(r, "EU").restartedBy).toBeNull();
    expect(only(r, "UK").dueAt.toISOString()).toBe(endAt("2026-04-20", "+01:00"));
    // Japan: 10 days from the day the fee arrived (Mar 20, 21:00 in Tokyo).
    expect(only(r, "JP").dueAt.toISOString()).toBe(endOf("2026-03-30"));
    expect(only(r, "KR").clockStartAt.toISOString()).toBe(utc("2026-03-20T12:00:00").toISOString());
    // The GDPR and the CCPA keep their period from the request itself.
    expect(only(r, "EU").clockStartAt.toISOString()).toBe(received.toISOString());
    expect(only(r, "US_CA").clockStartAt.toISOString()).toBe(received.toISOString());
    // The earliest still governs: Japan's ten days from the fee (Mar 30) before the EU's month.
    expect(r.governing).toBe("JP");
    expect(r.dueAt.toISOString()).toBe(endOf("2026-03-30"));
    // Identity restarts are the UK's only: a RESTART does not move Japan's clock, a FEE_RESTART does.
    const identity = due(received, ["JP"], {
      clockEvents: [{ kind: "RESTART", at: utc("2026-03-20T12:00:00") }],
    });
    expect(identity.dueAt.toISOString()).toBe(endOf("2026-03-20"));
  });
});

describe("deadline engine: extensions", () => {
  const received = jst("2026-01-31T10:00:00");
  const ext = (
    over: Partial<ExtensionInput> & Pick<ExtensionInput, "jurisdiction">,
  ): ExtensionInput => ({
    newDueAt: null,
    noticeSentAt: jst("2026-02-20T10:00:00"),
    createdAt: jst("2026-02-20T10:00:00"),
    ...over,
  });

  it("EU: +2 months with notice inside the first month (Jan 31 → Apr 30)", () => {
    const r = due(received, ["EU"], { extensions: [ext({ jurisdiction: "EU" })] });
    expect(only(r, "EU").extension).toEqual({
      status: "applied",
      dueAt: new Date(endAt("2026-04-30", "+02:00")),
    });
    expect(r.dueAt.toISOString()).toBe(endAt("2026-04-30", "+02:00"));
    expect(r.unextendedDueAt.toISOString()).toBe(endAt("2026-02-28", "+01:00"));
  });

  it("EU: refused once the first month has passed", () => {
    const r = due(received, ["EU"], {
      extensions: [ext({ jurisdiction: "EU", noticeSentAt: jst("2026-03-01T09:00:00") })],
    });
    expect(only(r, "EU").extension).toEqual({
      status: "refused",
      reason: "deadlines.extension.noticeTooLate",
    });
    expect(r.dueAt.toISOString()).toBe(endAt("2026-02-28", "+01:00"));
  });

  it("only once: a second extension does not move the date", () => {
    const r = due(received, ["EU"], {
      extensions: [
        ext({ jurisdiction: "EU", newDueAt: new Date(endOf("2026-03-31")) }),
        ext({ jurisdiction: "EU", createdAt: jst("2026-02-21T10:00:00") }),
      ],
    });
    expect(only(r, "EU").extension).toEqual({
      status: "applied",
      dueAt: new Date(endOf("2026-03-31")),
    });
  });

  it("US-CA: +45 days with notice within the first 45 days", () => {
    const r = due(new Date("2026-01-10T10:00:00-08:00"), ["US_CA"], {
      extensions: [
        ext({ jurisdiction: "US_CA", noticeSentAt: new Date("2026-02-24T22:00:00-08:00") }),
      ],
    });
    expect(only(r, "US_CA").dueAt.toISOString()).toBe(endAt("2026-02-24", "-08:00"));
    expect(r.dueAt.toISOString()).toBe(endAt("2026-04-10", "-07:00"));
  });

  it("refuses where the law has none, past the maximum, or not later", () => {
    const jp = due(received, ["JP"], { extensions: [ext({ jurisdiction: "JP" })] });
    expect(only(jp, "JP").extension).toEqual({
      status: "refused",
      reason: "deadlines.extension.notAllowed",
    });
    const eu = SEEDED.find((p) => p.jurisdiction === "EU") as Policy;
    const base = {
      policy: eu,
      receivedAt: received,
      dueAt: new Date(endAt("2026-02-28", "+01:00")),
      priorExtensions: 0,
    };
    const notice = jst("2026-02-01T10:00:00");
    expect(
      checkExtension({
        ...base,
        noticeAt: notice,
        newDueAt: new Date(endAt("2026-05-01", "+02:00")),
      }),
    ).toEqual({
      allowed: false,
      reason: "deadlines.extension.beyondMaximum",
    });
    expect(
      checkExtension({
        ...base,
        noticeAt: notice,
        newDueAt: new Date(endAt("2026-02-27", "+01:00")),
      }),
    ).toEqual({
      allowed: false,
      reason: "deadlines.extension.notLater",
    });
    expect(checkExtension({ ...base, noticeAt: notice, priorExtensions: 1 })).toEqual({
      allowed: false,
      reason: "deadlines.extension.alreadyExtended",
    });
    expect(checkExtension({ ...base, noticeAt: notice })).toMatchObject({
      allowed: true,
      dueAt: new Date(endAt("2026-04-30", "+02:00")),
    });
  });

  it("UK: the extension's maximum keeps the paused days", () => {
    const r = due(received, ["UK"], {
      clockEvents: [
        { kind: "PAUSE", at: jst("2026-02-02T09:00:00") },
        { kind: "RESUME", at: jst("2026-02-07T09:00:00") },
      ],
      extensions: [ext({ jurisdiction: "UK" })],
    });
    expect(only(r, "UK").dueAt.toISOString()).toBe(endAt("2026-03-05", "+00:00"));
    expect(r.dueAt.toISOString()).toBe(endAt("2026-05-05", "+01:00"));
  });
});

describe("policy validation", () => {
  const valid = (p: Policy) => validatePolicy(p);

  it("accepts every seeded policy without errors", () => {
    for (const p of SEEDED)
      expect(valid(p).errors, `${p.jurisdiction} ${p.requestType}`).toEqual([]);
  });

  it("refuses amounts of zero or less, fractions and half rules", () => {
    for (const amount of [0, -1, 1.5]) {
      expect(valid(policy({ jurisdiction: "JP", amount })).errors).toEqual([
        { field: "amount", key: "deadlines.policy.amountPositive" },
      ]);
    }
    expect(
      valid(
        policy({
          jurisdiction: "EU",
          amount: 1,
          unit: "MONTHS",
          extensionAmount: 0,
          extensionUnit: "MONTHS",
        }),
      ).errors,
    ).toEqual([{ field: "extensionAmount", key: "deadlines.policy.amountPositive" }]);
    expect(
      valid(policy({ jurisdiction: "US_CA", amount: 45, ackAmount: 5, ackUnit: null })).errors,
    ).toEqual([{ field: "ackAmount", key: "deadlines.policy.incomplete" }]);
    expect(valid(policy({ jurisdiction: "JP", amount: 5000 })).errors).toEqual([
      { field: "amount", key: "deadlines.policy.amountTooLarge" },
    ]);
  });

  it("refuses periods, extensions and pauses the law does not allow", () => {
    // 30 days is longer than one month from Jan 31 (Mar 2 > Feb 28).
    expect(valid(policy({ jurisdiction: "EU", amount: 30 })).errors).toEqual([
      { field: "amount", key: "deadlines.policy.beyondLegalMaximum" },
    ]);
    expect(
      valid(policy({ jurisdiction: "US_CA", amount: 45, ackAmount: 11, ackUnit: "BUSINESS_DAYS" }))
        .errors,
    ).toEqual([{ field: "ackAmount", key: "deadlines.policy.beyondLegalMaximum" }]);
    expect(valid(policy({ jurisdiction: "US_CA", amount: 45, pauseAllowed: true })).errors).toEqual(
      [{ field: "pauseAllowed", key: "deadlines.policy.pauseNotInLaw" }],
    );
    expect(
      valid(policy({ jurisdiction: "JP", extensionAmount: 5, extensionUnit: "CALENDAR_DAYS" }))
        .errors,
    ).toEqual([{ field: "extensionAmount", key: "deadlines.policy.noExtensionInLaw" }]);
    expect(
      valid(
        policy({
          jurisdiction: "UK",
          amount: 1,
          unit: "MONTHS",
          extensionAmount: 3,
          extensionUnit: "MONTHS",
        }),
      ).errors,
    ).toEqual([{ field: "extensionAmount", key: "deadlines.policy.beyondLegalMaximum" }]);
  });

  it("warns when a JP SLA can reach two weeks (6 business days can, over Golden Week)", () => {
    expect(valid(policy({ jurisdiction: "JP", amount: 14 })).warnings).toEqual([
      { field: "amount", key: "deadlines.policy.jpTwoWeeks" },
    ]);
    expect(valid(policy({ jurisdiction: "JP", amount: 13 })).warnings).toEqual([]);
    expect(
      valid(policy({ jurisdiction: "JP", amount: 6, unit: "BUSINESS_DAYS" })).warnings,
    ).toHaveLength(1);
    expect(
      valid(policy({ jurisdiction: "JP", amount: 5, unit: "BUSINESS_DAYS" })).warnings,
    ).toEqual([]);
  });
});

// Properties over the seeded policies and random ones. Receipt between 2000 and 2049 (the holiday
// table ends in 2050).
const JURISDICTIONS: Jurisdiction[] = ["JP", "EU", "UK", "US_CA", "KR", "BR"];
const TYPES: RequestType[] = [
  "DISCLOSURE",
  "PROVISION_RECORDS",
  "PURPOSE_NOTIFICATION",
  "CORRECTION",
  "SUSPENSION_ERASURE",
  "STOP_PROVISION",
];
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2049, 0, 1) })
  .map((ms) => new Date(ms));
const jurisdictions = fc.subarray(JURISDICTIONS, { minLength: 1 });
const type = fc.constantFrom(...TYPES);
const unit = fc.constantFrom("CALENDAR_DAYS" as const, "BUSINESS_DAYS" as const, "MONTHS" as const);
const randomPolicy = (j: Jurisdiction) =>
  fc
    .record({
      jurisdiction: fc.constant(j),
      requestType: fc.constant(null),
      amount: fc.integer({ min: 1, max: 60 }),
      unit,
      extensionAmount: fc.option(fc.integer({ min: 1, max: 60 })),
      extensionUnit: unit,
      ackAmount: fc.option(fc.integer({ min: 1, max: 20 })),
      ackUnit: unit,
      pauseAllowed: fc.boolean(),
    })
    .map((p): Policy => ({
      ...p,
      extensionUnit: p.extensionAmount === null ? null : p.extensionUnit,
      ackUnit: p.ackAmount === null ? null : p.ackUnit,
    }));
const randomPolicies = fc.tuple(...JURISDICTIONS.map(randomPolicy));
const clockEvents = (from: Date) =>
  fc.array(
    fc.record({
      kind: fc.constantFrom("PAUSE" as const, "RESUME" as const),
      at: fc.integer({ min: -5 * DAY, max: 120 * DAY }).map((o) => new Date(from.getTime() + o)),
    }),
    { maxLength: 6 },
  );
const extensions = (from: Date) =>
  fc.array(
    fc.record({
      jurisdiction: fc.constantFrom(...JURISDICTIONS),
      newDueAt: fc.option(
        fc.integer({ min: 0, max: 200 * DAY }).map((o) => new Date(from.getTime() + o)),
      ),
      noticeSentAt: fc.option(
        fc.integer({ min: -DAY, max: 100 * DAY }).map((o) => new Date(from.getTime() + o)),
      ),
      createdAt: fc.integer({ min: 0, max: 100 * DAY }).map((o) => new Date(from.getTime() + o)),
    }),
    { maxLength: 4 },
  );

describe("deadline engine: properties", () => {
  it("never puts a due date or an acknowledgement before receipt", () => {
    fc.assert(
      fc.property(instant, jurisdictions, type, randomPolicies, (received, js, t, ps) => {
        for (const policies of [SEEDED, ps]) {
          const r = due(received, js, { type: t, policies });
          expect(r.dueAt.getTime()).toBeGreaterThan(received.getTime());
          for (const j of r.jurisdictions) {
            expect(j.baseDueAt.getTime()).toBeGreaterThan(received.getTime());
            if (j.ackDueAt) expect(j.ackDueAt.getTime()).toBeGreaterThan(received.getTime());
          }
        }
      }),
    );
  });

  it("pausing never shortens", () => {
    fc.assert(
      fc.property(
        instant.chain((r) =>
          fc.tuple(fc.constant(r), clockEvents(r), jurisdictions, randomPolicies),
        ),
        ([received, events, js, ps]) => {
          for (const policies of [SEEDED, ps]) {
            const plain = due(received, js, { policies });
            const paused = due(received, js, {
              policies,
              clockEvents: events,
              now: new Date(received.getTime() + 150 * DAY),
            });
            expect(paused.dueAt.getTime()).toBeGreaterThanOrEqual(plain.dueAt.getTime());
            paused.jurisdictions.forEach((j, i) => {
              expect(j.dueAt.getTime()).toBeGreaterThanOrEqual(
                plain.jurisdictions[i]?.dueAt.getTime() ?? Infinity,
              );
              if (!j.pauseAllowed) expect(j.dueAt.getTime()).toBe(j.baseDueAt.getTime());
            });
          }
        },
      ),
    );
  });

  it("extends only where the policy allows, once, with the notice in time, never past the maximum", () => {
    fc.assert(
      fc.property(
        instant.chain((r) => fc.tuple(fc.constant(r), extensions(r), jurisdictions, type)),
        ([received, exts, js, t]) => {
          const r = due(received, js, { type: t, extensions: exts });
          for (const j of r.jurisdictions) {
            const p = SEEDED.find(
              (x) =>
                x.jurisdiction === j.jurisdiction &&
                (x.requestType === t || x.requestType === null) &&
                x.amount === j.rule.amount &&
                x.unit === j.rule.unit,
            );
            const mine = exts.filter((e) => e.jurisdiction === j.jurisdiction);
            if (j.extension?.status !== "applied") {
              expect(j.effectiveDueAt.getTime()).toBe(j.dueAt.getTime());
              continue;
            }
            expect(p?.extensionAmount ?? null).not.toBeNull();
            expect(j.effectiveDueAt.getTime()).toBeGreaterThan(j.dueAt.getTime());
            // Some extension for this jurisdiction had its notice inside the first period.
            expect(
              mine.some((e) => (e.noticeSentAt ?? e.createdAt).getTime() <= j.dueAt.getTime()),
            ).toBe(true);
            // Never beyond the period plus one extension, counted from receipt.
            const max = checkExtension({
              policy: p as Policy,
              receivedAt: received,
              dueAt: j.dueAt,
              priorExtensions: 0,
              noticeAt: received,
            });
            expect(max.allowed && j.effectiveDueAt.getTime() <= max.maxDueAt.getTime()).toBe(true);
          }
        },
      ),
    );
  });

  it("the earliest jurisdiction wins", () => {
    fc.assert(
      fc.property(instant, jurisdictions, type, randomPolicies, (received, js, t, ps) => {
        const r = due(received, js, { type: t, policies: ps });
        const alone = js.map((j) => due(received, [j], { type: t, policies: ps }).dueAt.getTime());
        expect(r.dueAt.getTime()).toBe(Math.min(...alone));
        expect(js).toContain(r.governing);
      }),
    );
  });

  it("is monotonic in the time of receipt", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 400 * DAY }),
        jurisdictions,
        type,
        randomPolicies,
        (a, gap, js, t, ps) => {
          const b = new Date(a.getTime() + gap);
          for (const policies of [SEEDED, ps]) {
            expect(due(b, js, { type: t, policies }).dueAt.getTime()).toBeGreaterThanOrEqual(
              due(a, js, { type: t, policies }).dueAt.getTime(),
            );
          }
        },
      ),
    );
  });
});
