import { describe, expect, it } from "vitest";

import { items, registrationItems } from "@/prisma/seed/personal-data";
import { subjects } from "@/prisma/seed/subjects";

import { sortBatch } from "./build";
import { checkKind, neverDisclosedKind, sensitiveKind } from "./denylist";
import { item } from "./test-fixtures";

describe("numbers and secrets in a package", () => {
  it.each([
    ["member_id", "myNumber", "MY_NUMBER"],
    ["member_id", "my_number", "MY_NUMBER"],
    ["name", "個人番号", "MY_NUMBER"],
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
    ["my_number", "value", "MY_NUMBER"],
    ["passport_number", "value", "GOVERNMENT_ID"],
    ["password", "value", "PASSWORD"],
    ["security_answer", "value", "SECURITY_ANSWER"],
  ] as const)("category %s, field %s → %s", (categoryKey, field, kind) => {
    expect(sensitiveKind({ categoryKey, field })).toBe(kind);
    // Only the My Number is kept out by law; the others are disclosed unless staff withhold them
    // with a ground, and the preview marks them for that check.
    if (kind === "MY_NUMBER") {
      expect(neverDisclosedKind({ categoryKey, field })).toBe("MY_NUMBER");
      expect(checkKind({ categoryKey, field })).toBeNull();
    } else {
      expect(neverDisclosedKind({ categoryKey, field })).toBeNull();
      expect(checkKind({ categoryKey, field })).toBe(kind);
    }
  });

  it("keeps every item of the demo seed (none of them is an ID number or a secret)", () => {
    const all = [...subjects.flatMap((s) => registrationItems(s)), ...items];
    expect(all.length).toBeGreaterThan(40);
    for (const i of all)
      expect(sensitiveKind({ categoryKey: i.category, field: i.field })).toBeNull();
    // Look-alikes that are not numbers or secrets stay in.
    for (const field of [
      "nursingLicence",
      "sakuraLinkId",
      "pinnedPages",
      "shippingAddress",
      "passportExpiryReminder",
    ])
      expect(sensitiveKind({ categoryKey: "job_application", field })).toBeNull();
  });

  it("drops the My Number before redactions, keeps a password unless withheld, lists the withheld", () => {
    const sorted = sortBatch(
      [
        item({ ref: "keep" }),
        item({ ref: "id", field: "myNumber", value: "123456789012" }),
        item({ ref: "red", field: "phone", fieldLabel: "電話番号", value: "090" }),
        item({ ref: "both", field: "myNumber", value: "x" }),
        item({ ref: "pin", field: "password", value: "hunter2" }),
        item({ ref: "passport", field: "passportNo", value: "TK1234567" }),
      ],
      new Map([
        ["red", "第三者の情報を含むため"],
        ["both", "理由"],
        ["pin", "本人の権利利益を害するおそれがある（第三者に知られると不正利用のおそれ）"],
      ]),
    );
    expect(sorted.included.map((i) => i.ref)).toEqual(["keep", "passport"]);
    expect(sorted.withheld).toEqual([
      {
        ref: "red",
        category: "氏名",
        system: "会員基盤",
        field: "電話番号",
        reason: "第三者の情報を含むため",
      },
      expect.objectContaining({
        ref: "pin",
        reason: expect.stringContaining("不正利用") as string,
      }),
    ]);
    expect(sorted.never).toEqual(["MY_NUMBER", "MY_NUMBER"]);
  });
});
