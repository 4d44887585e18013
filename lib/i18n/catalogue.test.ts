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
    // A plural form ({count, plural, one {…} other {…}}) counts as its one placeholder {count};
    // a form's own text ("one {once}") is not a placeholder.
    const name = /(?<!(?:zero|one|two|few|many|other|=\d+) ?)\{(\w+)(?:\}|, plural,)/g;
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(name)].map((m) => `{${m[1]}}`))].sort();
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

  it('say a count in English with its plural form: no "1 items" or "1 days left"', () => {
    // A number placeholder followed by a plural noun is written as a plural form instead.
    const bare = /\{(count|days|amount|total|recipients|remaining)\} [a-z]+s\b/;
    for (const [key, value] of Object.entries(enLeaves))
      expect(bare.test(value), `${key}: ${value}`).toBe(false);
    const en = getTranslator("en");
    expect(en("request.daysLeft", { days: 1 })).toBe("1 day left");
    expect(en("request.daysLeft", { days: 0 })).toBe("0 days left");
    expect(en("me.provisionSummary", { count: 1, recipients: 3 })).toBe(
      "Your data has been provided once to 3 recipients.",
    );
    expect(en("me.provisionSummary", { count: 4, recipients: 1 })).toBe(
      "Your data has been provided 4 times to 1 recipient.",
    );
    expect(getTranslator("ja")("me.items", { count: 1 })).toBe("1件");
  });

  it("fill plural forms: exact numbers first, numbers already written out, forms inside forms", () => {
    const message = "{n, plural, =0 {none} one {# file of {who}} other {# files of {who}}}";
    expect(format(message, { n: 0, who: "Aoi" })).toBe("none");
    expect(format(message, { n: 1, who: "Aoi" })).toBe("1 file of Aoi");
    expect(format(message, { n: 21, who: "Aoi" })).toBe("21 files of Aoi");
    expect(format(message, { n: "1", who: "Aoi" })).toBe("1 file of Aoi");
    expect(format(message, { n: "1,200", who: "Aoi" })).toBe("1,200 files of Aoi");
    // Without its parameter the form stays as written (the rest filled in); a form never closed too.
    expect(format(message, { who: "Aoi" })).toBe(message.replaceAll("{who}", "Aoi"));
    expect(format("{n, plural, one {#}", { n: 1 })).toBe("{n, plural, one {#}");
    expect(format("{a}{b}", { a: "{b}", b: 2 })).toBe("{b}2");
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
