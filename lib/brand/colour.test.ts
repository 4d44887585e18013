import { describe, expect, it } from "vitest";

import { contrastWithWhite, isHexColour, MIN_CONTRAST } from "./colour";

describe("brand colour", () => {
  it("accepts #rrggbb only", () => {
    expect(isHexColour("#0b5cab")).toBe(true);
    expect(isHexColour("#0B5CAB")).toBe(true);
    expect(isHexColour("0b5cab")).toBe(false);
    expect(isHexColour("#fff")).toBe(false);
    expect(isHexColour("#0b5cab; color: red")).toBe(false);
    expect(isHexColour("red")).toBe(false);
  });

  it("measures contrast against white as WCAG does", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    // Known pairs: #767676 is the lightest grey that passes AA on white; #777777 fails.
    expect(contrastWithWhite("#767676")).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrastWithWhite("#777777")).toBeLessThan(MIN_CONTRAST);
    // The default brand blue passes; a light yellow does not.
    expect(contrastWithWhite("#0b5cab")).toBeGreaterThan(MIN_CONTRAST);
    expect(contrastWithWhite("#f0b400")).toBeLessThan(MIN_CONTRAST);
  });
});
