import { describe, expect, it } from "vitest";

import { items, registrationItems } from "@/prisma/seed/personal-data";
import { subjects } from "@/prisma/seed/subjects";

import { sortBatch } from "./build";
import { neverDisclosedKind } from "./denylist";
import { item } from "./test-fixtures";

describe("never-disclosed items", () => {
  it.each([
    ["member_id", "myNumber", "GOVERNMENT_ID"],
    ["member_id", "my_number", "GOVERNMENT_ID"],
    ["name", "個人番号", "GOVERNMENT_ID"],
    ["address", "passportNo", "GOVERNMENT_ID"],
    ["address", "passport_number", "GOVERNMENT_ID"],
    ["address", "Passport", "GOVERNMENT_ID"],
    ["address", "driversLicenseNumber", "GOVERNMENT_ID"],
    ["address", "licence_no", "GOVERNMENT_ID"],
    ["address", "運転免許証番号", "GOVERNMENT_ID"],
    ["address", "residenceCardNumber", "GOVERNMENT_ID"],
    ["address", "在留カード番号", "GOVERNMENT_ID"],
    ["address", "healthInsuranceNumber", "GOVERNMENT_ID"],
    ["address", "basicPensionNumber", "GOVERNMENT_ID"],
    ["member_id", "password", "PASSWORD"],
    ["member_id", "passwordHash", "PASSWORD"],
    ["member_id", "PIN", "PASSWORD"],
    ["member_id", "暗証番号", "PASSWORD"],
    ["member_id", "securityAnswer", "SECURITY_ANSWER"],
    ["member_id", "secret_question", "SECURITY_ANSWER"],
    ["member_id", "秘密の質問の答え", "SECURITY_ANSWER"],
    ["my_number", "value", "GOVERNMENT_ID"],
    ["passport_number", "value", "GOVERNMENT_ID"],
    ["password", "value", "PASSWORD"],
    ["security_answer", "value", "SECURITY_ANSWER"],
  ] as const)("category %s, field %s → %s", (categoryKey, field, kind) => {
    expect(neverDisclosedKind({ categoryKey, field })).toBe(kind);
  });

  it("keeps every item of the demo seed (none of them is an ID number or a secret)", () => {
    const all = [...subjects.flatMap((s) => registrationItems(s)), ...items];
    expect(all.length).toBeGreaterThan(40);
    for (const i of all)
      expect(neverDisclosedKind({ categoryKey: i.category, field: i.field })).toBeNull();
    // Look-alikes that are not numbers or secrets stay in.
    for (const field of [
      "nursingLicence",
      "sakuraLinkId",
      "pinnedPages",
      "shippingAddress",
      "passportExpiryReminder",
    ])
      expect(neverDisclosedKind({ categoryKey: "job_application", field })).toBeNull();
  });

  it("drops never-disclosed items before redactions and lists the redacted ones", () => {
    const sorted = sortBatch(
      [
        item({ ref: "keep" }),
        item({ ref: "id", field: "myNumber", value: "123456789012" }),
        item({ ref: "red", field: "phone", fieldLabel: "電話番号", value: "090" }),
        item({ ref: "both", field: "password", value: "x" }),
      ],
      new Map([
        ["red", "第三者の情報を含むため"],
        ["both", "理由"],
      ]),
    );
    expect(sorted.included.map((i) => i.ref)).toEqual(["keep"]);
    expect(sorted.withheld).toEqual([
      {
        ref: "red",
        category: "氏名",
        system: "会員基盤",
        field: "電話番号",
        reason: "第三者の情報を含むため",
      },
    ]);
    expect(sorted.never).toEqual(["GOVERNMENT_ID", "PASSWORD"]);
  });
});
