import { describe, expect, it } from "vitest";

import { keepRecipientInClass, recipientGroups, type RecipientChoice } from "./recipient-choice";

const recipients: RecipientChoice[] = [
  { key: "hotel-sakuratei", name: "さくら亭", recipientClass: "THIRD_PARTY" },
  { key: "points-connect", name: "ポイント連携", recipientClass: "THIRD_PARTY" },
  { key: "adreach-us", name: "AdReach", recipientClass: "FOREIGN_THIRD_PARTY" },
  { key: "proc-cloud", name: "クラウド", recipientClass: "PROCESSOR" },
];

describe("recipientGroups", () => {
  it("offers every recipient, grouped in the given order, when no class is chosen", () => {
    const groups = recipientGroups(recipients, "");
    expect(groups.map((g) => [g.recipientClass, g.recipients.map((r) => r.key)])).toEqual([
      ["THIRD_PARTY", ["hotel-sakuratei", "points-connect"]],
      ["FOREIGN_THIRD_PARTY", ["adreach-us"]],
      ["PROCESSOR", ["proc-cloud"]],
    ]);
    expect(recipientGroups(recipients, undefined)).toEqual(groups);
  });

  it("offers only the chosen class's recipients, and none for a class without any", () => {
    expect(recipientGroups(recipients, "THIRD_PARTY")).toEqual([
      { recipientClass: "THIRD_PARTY", recipients: recipients.slice(0, 2) },
    ]);
    expect(recipientGroups(recipients, "LAW_ENFORCEMENT")).toEqual([]);
  });
});

describe("keepRecipientInClass", () => {
  it("keeps a recipient of the chosen class, or any recipient when no class is chosen", () => {
    const filter = { recipientClass: "THIRD_PARTY" as const, recipient: "points-connect" };
    expect(keepRecipientInClass(filter, recipients)).toEqual({ filter });
    expect(keepRecipientInClass({ recipient: "proc-cloud" }, recipients)).toEqual({
      filter: { recipient: "proc-cloud" },
    });
  });

  it("leaves out a recipient of another class, and says why", () => {
    expect(
      keepRecipientInClass(
        { recipientClass: "PROCESSOR", recipient: "hotel-sakuratei", scene: "reservation" },
        recipients,
      ),
    ).toEqual({
      filter: { recipientClass: "PROCESSOR", scene: "reservation" },
      error: "ledger.filter.recipientOtherClass",
    });
  });
});
