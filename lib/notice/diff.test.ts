import { describe, expect, it } from "vitest";

import { canonicalJson, diffNotices, noticeHash } from "./diff";
import type { Notice } from "./types";

// The notice's diff and hash, without a database: what counts as a change, and which changes need
// people's consent (APPI Art.17/18/27/28, GDPR Art.13(3)).

const l = (en: string) => ({ ja: `${en}（日本語）`, en });

function notice(): Notice {
  return {
    controller: {
      name: l("Org"),
      address: l("Tokyo"),
      representative: "Rep",
      email: "privacy@example.jp",
      phone: null,
      department: null,
    },
    purposes: [
      {
        key: "ops",
        name: l("Operations"),
        description: null,
        categoryKeys: ["email"],
        optOut: false,
      },
      { key: "ads", name: l("Ads"), description: l("Ads"), categoryKeys: [], optOut: true },
    ],
    categories: [
      { key: "email", name: l("Email"), dataClass: "ORDINARY" },
      { key: "health", name: l("Health"), dataClass: "SENSITIVE" },
    ],
    sources: [],
    recipients: [
      {
        key: "proc",
        name: l("Delivery"),
        recipientClass: "PROCESSOR",
        country: null,
        thirdParty: false,
      },
    ],
    retention: [
      { categoryKey: "email", period: null },
      { categoryKey: "health", period: null },
    ],
    rights: [{ requestType: "DISCLOSURE", name: l("Disclosure") }],
    rightsHowTo: l("File here"),
    complaints: { desk: l("Desk"), authorities: [{ key: "JP", name: l("PPC"), url: null }] },
    changes: l("We tell you"),
    statements: { offlineFiling: null, identityDocuments: null, securityMeasures: l("Locks") },
  };
}

describe("noticeHash", () => {
  it("ignores key order and sees every value", () => {
    const a = notice();
    const reordered = reverseKeys(a) as Notice;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a));
    expect(noticeHash(reordered)).toBe(noticeHash(a));
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: "x" }] })).toBe(
      '{"a":[2,{"c":"x","d":null}],"b":1}',
    );
    const b = notice();
    b.categories[0]!.name.ja = "メール";
    expect(noticeHash(b)).not.toBe(noticeHash(a));
  });
});

/** The same value with every object's keys in reverse order (as jsonb may hand them back). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  return value;
}

describe("diffNotices", () => {
  it("finds no change between equal notices", () => {
    expect(diffNotices(notice(), notice())).toEqual([]);
  });

  it("lists everything as added in the first version, none needing consent", () => {
    const changes = diffNotices(null, notice());
    expect(changes.every((c) => c.kind === "added" && !c.needsConsent)).toBe(true);
    expect(changes.map((c) => `${c.element}:${c.key}`)).toEqual([
      "purposes:ops",
      "purposes:ads",
      "categories:email",
      "categories:health",
      "recipients:proc",
      "rights:DISCLOSURE",
      "complaints:JP",
    ]);
  });

  it("asks for consent for a new purpose, not for a new category or a rename", () => {
    const after = notice();
    after.purposes.push({
      key: "profiling",
      name: l("Profiling"),
      description: null,
      categoryKeys: ["email"],
      optOut: false,
    });
    after.categories.push({ key: "ip", name: l("IP"), dataClass: "INFORMATIVE" });
    after.categories[0]!.name = l("Mail address");
    expect(diffNotices(notice(), after)).toEqual([
      {
        element: "purposes",
        kind: "added",
        key: "profiling",
        name: l("Profiling"),
        fields: [],
        needsConsent: true,
      },
      {
        element: "categories",
        kind: "changed",
        key: "email",
        name: l("Mail address"),
        fields: ["name"],
        needsConsent: false,
      },
      {
        element: "categories",
        kind: "added",
        key: "ip",
        name: l("IP"),
        fields: [],
        needsConsent: false,
      },
    ]);
  });

  it("asks for consent when a purpose gains a category, not when it loses one", () => {
    const gained = notice();
    gained.purposes[1]!.categoryKeys = ["email"];
    expect(diffNotices(notice(), gained)).toEqual([
      expect.objectContaining({ key: "ads", fields: ["categoryKeys"], needsConsent: true }),
    ]);
    const lost = notice();
    lost.purposes[0]!.categoryKeys = [];
    lost.purposes[0]!.description = l("Running the service");
    expect(diffNotices(notice(), lost)).toEqual([
      expect.objectContaining({
        key: "ops",
        fields: ["description", "categoryKeys"],
        needsConsent: false,
      }),
    ]);
  });

  it("asks for consent for a new third party or one that becomes one, not for a processor", () => {
    const after = notice();
    after.recipients.push(
      {
        key: "partner",
        name: l("Partner"),
        recipientClass: "THIRD_PARTY",
        country: null,
        thirdParty: true,
      },
      {
        key: "cloud",
        name: l("Cloud"),
        recipientClass: "PROCESSOR",
        country: "US",
        thirdParty: false,
      },
    );
    const changes = diffNotices(notice(), after);
    expect(changes.map((c) => [c.key, c.needsConsent])).toEqual([
      ["partner", true],
      ["cloud", false],
    ]);

    const turned = notice();
    turned.recipients[0] = {
      ...turned.recipients[0]!,
      recipientClass: "THIRD_PARTY",
      thirdParty: true,
    };
    expect(diffNotices(notice(), turned)).toEqual([
      expect.objectContaining({
        element: "recipients",
        kind: "changed",
        key: "proc",
        fields: ["recipientClass", "thirdParty"],
        needsConsent: true,
      }),
    ]);
    // The way back, and a removal, need none.
    expect(diffNotices(turned, notice())[0]?.needsConsent).toBe(false);
    const removed = notice();
    removed.recipients = [];
    expect(diffNotices(notice(), removed)).toEqual([
      expect.objectContaining({ kind: "removed", key: "proc", name: l("Delivery") }),
    ]);
  });

  it("tells the controller's and the texts' changes as whole texts with key null", () => {
    const after = notice();
    after.controller.email = "dpo@example.jp";
    after.statements!.securityMeasures = l("Locks and keys");
    after.rightsHowTo = l("File there");
    after.statements!.offlineFiling = l("By post");
    after.complaints.desk = null;
    after.complaints.authorities[0]!.url = "https://www.ppc.go.jp/";
    after.changes = l("We tell you by mail");
    expect(diffNotices(notice(), after)).toEqual([
      {
        element: "controller",
        kind: "changed",
        key: null,
        name: l("Org"),
        fields: ["email", "securityMeasures"],
        needsConsent: false,
      },
      {
        element: "rights",
        kind: "changed",
        key: null,
        name: null,
        fields: ["rightsHowTo", "offlineFiling"],
        needsConsent: false,
      },
      expect.objectContaining({ element: "complaints", key: null, fields: ["desk"] }),
      expect.objectContaining({ element: "complaints", key: "JP", fields: ["url"] }),
      expect.objectContaining({ element: "changes", key: null, fields: ["changes"] }),
    ]);
  });

  it("tells a changed retention period of a category in both versions only", () => {
    const after = notice();
    after.retention[0]!.period = l("5 years");
    after.retention.pop();
    after.categories.pop();
    const changes = diffNotices(notice(), after);
    expect(changes.map((c) => `${c.element}:${c.kind}:${c.key}`)).toEqual([
      "categories:removed:health",
      "retention:changed:email",
    ]);
  });
});
