import { describe, expect, it } from "vitest";

import { findMyNumbers, isMyNumber, myNumberCheckDigit, withCheckDigit } from "./my-number";

// The check digit by the published rule (施行令第8条 / 総務省令第5条), worked by hand:
// 1 2 3 4 5 6 7 8 9 0 1 → P(1..11) = 1 0 9 8 7 6 5 4 3 2 1 from the right, Q = 2 3 4 5 6 7 2 3 4 5 6:
// 2 + 0 + 36 + 40 + 42 + 42 + 10 + 12 + 12 + 10 + 6 = 212; 212 mod 11 = 3; 11 − 3 = 8.

describe("the My Number check digit", () => {
  it("follows the published rule", () => {
    expect(myNumberCheckDigit("12345678901")).toBe(8);
    expect(isMyNumber("123456789018")).toBe(true);
    // Remainders 0 and 1 give 0: 00000000000 sums to 0; 00000000005 sums to 10 → 11 − 10 = 1;
    // 00000000050 (P(2) = 5, Q(2) = 3) sums to 15, 15 mod 11 = 4 → 7.
    expect(myNumberCheckDigit("00000000000")).toBe(0);
    expect(myNumberCheckDigit("00000000005")).toBe(1);
    expect(myNumberCheckDigit("00000000050")).toBe(7);
    // 00000000006: 12 mod 11 = 1 → 0.
    expect(myNumberCheckDigit("00000000006")).toBe(0);
  });

  it("refuses every other last digit, and anything but twelve digits", () => {
    for (let d = 0; d <= 9; d++) expect(isMyNumber(`12345678901${d}`)).toBe(d === 8);
    expect(isMyNumber("12345678901")).toBe(false);
    expect(isMyNumber("1234567890188")).toBe(false);
    expect(isMyNumber("1234 5678 9018")).toBe(false);
    expect(() => myNumberCheckDigit("1234")).toThrow();
  });

  it("makes exactly one in ten twelve-digit runs valid", () => {
    let valid = 0;
    for (let i = 0; i < 1000; i++) {
      const first = String(i * 7919)
        .padStart(11, "0")
        .slice(-11);
      for (let d = 0; d <= 9; d++) if (isMyNumber(`${first}${d}`)) valid++;
      expect(isMyNumber(withCheckDigit(first))).toBe(true);
    }
    expect(valid).toBe(1000);
  });
});

describe("finding My Numbers in text", () => {
  it("reads them grouped as on the card, run together, hyphenated or in full-width digits", () => {
    expect(findMyNumbers("個人番号 1234 5678 9018")).toEqual(["123456789018"]);
    expect(findMyNumbers("番号:123456789018。")).toEqual(["123456789018"]);
    expect(findMyNumbers("1234-5678-9018")).toEqual(["123456789018"]);
    expect(findMyNumbers("１２３４ ５６７８ ９０１８")).toEqual(["123456789018"]);
    // OCR's stray spaces inside a group.
    expect(findMyNumbers("12 34 5678 90 18")).toEqual(["123456789018"]);
  });

  it("leaves phone, account and card numbers and invalid runs alone", () => {
    expect(findMyNumbers("電話 090-1234-5678 口座 1234567")).toEqual([]);
    expect(findMyNumbers("1234 5678 9012")).toEqual([]); // check digit should be 8
    // Twelve digits inside a longer run (a card number) are not a My Number.
    expect(findMyNumbers("4111 1234 5678 9018 1111")).toEqual([]);
    expect(findMyNumbers("41123456789018")).toEqual([]);
  });
});
