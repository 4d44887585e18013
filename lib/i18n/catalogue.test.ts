import { describe, expect, it } from "vitest";

import { en } from "./messages/en";
import { ja } from "./messages/ja";
import { format, getTranslator, isMessageKey } from "./translate";

function leaves(node: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (typeof v === "string") out[`${prefix}${k}`] = v;
    else Object.assign(out, leaves(v, `${prefix}${k}.`));
  }
  return out;
}

describe("catalogues", () => {
  const jaLeaves = leaves(ja);
  const enLeaves = leaves(en);

  it("have the same keys in Japanese and English, none empty", () => {
    expect(Object.keys(enLeaves).sort()).toEqual(Object.keys(jaLeaves).sort());
    for (const [key, value] of Object.entries({ ...jaLeaves, ...enLeaves }))
      expect(value.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(jaLeaves))
      expect(placeholders(enLeaves[key]!), key).toEqual(placeholders(jaLeaves[key]!));
  });

  it("write Japanese one way: the organisation's own 表記 (its privacy policy's)", () => {
    // Each pair: the form the seeds' privacy policy uses, and the variant that must not appear.
    const variants: [string, RegExp][] = [["取り扱い", /取扱い/]];
    for (const [key, value] of Object.entries(jaLeaves))
      for (const [preferred, avoided] of variants)
        expect(avoided.test(value), `${key}: write ${preferred}`).toBe(false);
  });

  it("translate with parameters and fall back to the key", () => {
    expect(getTranslator("en")("request.daysLeft", { days: 3 })).toBe("3 days left");
    expect(getTranslator("ja")("request.daysLeft", { days: 3 })).toBe("残り3日");
    expect(getTranslator("ja")("no.such" as never)).toBe("no.such");
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(isMessageKey("validation.required")).toBe(true);
    expect(isMessageKey("validation")).toBe(false);
  });
});
