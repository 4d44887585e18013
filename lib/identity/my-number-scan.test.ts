import { describe, expect, it } from "vitest";

import { cardImage, invalidNumber } from "@/scripts/lib/my-number-images";

import { withCheckDigit } from "./my-number";
import { ocrStartupNotice, scanEngines, scanForMyNumber } from "./my-number-scan";
import { pdfWithImage, pdfWithText } from "./test-fixtures";

// The engines are Debian's tesseract-ocr (with tesseract-ocr-jpn) and poppler-utils, which
// .ci/run installs; the benchmark (npm run bench:my-number) measures the detector on many more
// images than these.

const card = { font: "Noto Sans CJK JP", size: 48, angle: 0, grouped: true };

describe("My Number detection on uploads", () => {
  it("has its engines on this machine, and says nothing at start-up", () => {
    expect(scanEngines()).toEqual({ tesseract: true, pdftotext: true });
    expect(ocrStartupNotice()).toBeNull();
  });

  it("reads a valid number on a photo, even tilted or upside down", async () => {
    const number = withCheckDigit("43218765012");
    for (const variant of [{}, { angle: -6 }, { turn: 180 as const, grouped: false }]) {
      const image = await cardImage({ ...card, number, ...variant });
      expect(await scanForMyNumber(image, "image/jpeg"), JSON.stringify(variant)).toEqual({
        checked: "ocr",
        found: true,
      });
    }
  }, 60_000);

  it("does not flag twelve digits that fail the check digit, nor phone numbers", async () => {
    const image = await cardImage({ ...card, number: invalidNumber("43218765012") });
    expect(await scanForMyNumber(image, "image/jpeg")).toEqual({ checked: "ocr", found: false });
  }, 60_000);

  it("reads a PDF's text layer directly", async () => {
    const valid = pdfWithText(`Kojin bango ${withCheckDigit("98765432109")}`);
    expect(await scanForMyNumber(valid, "application/pdf")).toEqual({
      checked: "text",
      found: true,
    });
    const other = pdfWithText("Tel 090-1234-5678 Member 1234 5678 9012");
    expect(await scanForMyNumber(other, "application/pdf")).toEqual({
      checked: "text",
      found: false,
    });
  });

  it("reads a PDF that is only a picture (a scan) as a photo, page by page", async () => {
    const number = withCheckDigit("56781234098");
    const scan = await pdfWithImage(await cardImage({ ...card, number }));
    expect(await scanForMyNumber(scan, "application/pdf")).toEqual({ checked: "ocr", found: true });
    const invalid = await pdfWithImage(
      await cardImage({ ...card, number: invalidNumber("56781234098") }),
      2,
    );
    expect(await scanForMyNumber(invalid, "application/pdf")).toEqual({
      checked: "ocr",
      found: false,
    });
    // More picture pages than an identity document has are not read, and that is said.
    const long = await pdfWithImage(await cardImage({ ...card, number }), 5);
    expect(await scanForMyNumber(long, "application/pdf")).toEqual({
      checked: "none",
      found: false,
      reason: "too-many-pages",
    });
  }, 60_000);

  it("lets the upload go on to staff's manual check when the engine fails on a file", async () => {
    expect(await scanForMyNumber(Buffer.from("not an image"), "image/jpeg")).toEqual({
      checked: "none",
      found: false,
      reason: "failed",
    });
  });
});
