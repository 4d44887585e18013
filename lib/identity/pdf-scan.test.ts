import { deflateSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { scanPdf } from "./pdf-scan";
import {
  buildPdf,
  cleanPdf,
  pdfWithEmbeddedFile,
  pdfWithHiddenScript,
  pdfWithJavaScript,
} from "./test-fixtures";

const catalog = (extra: string) => `<< /Type /Catalog /Pages 2 0 R ${extra} >>`;
const pages = "<< /Type /Pages /Kids [] /Count 0 >>";
const withCatalog = (extra: string, ...rest: Parameters<typeof buildPdf>[0]) =>
  buildPdf([catalog(extra), pages, ...rest]);

describe("PDF scan", () => {
  it("passes a plain PDF with a compressed page and a go-to open action", () => {
    expect(scanPdf(cleanPdf())).toBeNull();
  });

  it.each([
    ["JavaScript open action", pdfWithJavaScript()],
    ["script in a compressed object stream", pdfWithHiddenScript()],
    ["name spelt with #xx escapes", withCatalog("/OpenAction << /S /J#61vaScript /J#53 (x) >>")],
    ["additional actions", withCatalog("/AA << /O << /S /GoTo /D [0 /Fit] >> >>")],
    ["launch action", withCatalog("/OpenAction << /S /Launch /F (calc.exe) >>")],
    ["JS without the JavaScript action name", withCatalog("/OpenAction << /JS 3 0 R >>")],
  ])("refuses %s", (_, pdf) => {
    expect(scanPdf(pdf)).toBe("pdfScript");
  });

  it.each([
    ["an embedded-files name tree", pdfWithEmbeddedFile()],
    [
      "a file-attachment annotation",
      withCatalog("", "<< /Type /Annot /Subtype /FileAttachment >>"),
    ],
    [
      "an embedded file inside an object stream",
      withCatalog("", {
        dictionary: "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>",
        stream: deflateSync("3 0 << /Type /EmbeddedFile >>"),
      }),
    ],
  ])("refuses %s", (_, pdf) => {
    expect(scanPdf(pdf)).toBe("pdfEmbeddedFile");
  });

  it("finds a compressed stream opened with a bare carriage return", () => {
    const pdf = withCatalog("", {
      dictionary: "<< /Filter /FlateDecode >>",
      stream: deflateSync("<< /S /JavaScript >>"),
    });
    const crOnly = Buffer.from(
      pdf.toString("latin1").replace(">>\nstream\n", ">>\nstream\r"),
      "latin1",
    );
    expect(scanPdf(crOnly)).toBe("pdfScript");
  });

  it("does not mistake longer names for script keys", () => {
    expect(scanPdf(withCatalog("/JSON (x) /AAX 1 /Launcher 2"))).toBeNull();
  });

  it("refuses an encrypted PDF, which cannot be checked", () => {
    expect(scanPdf(buildPdf([catalog(""), pages], "/Encrypt 9 0 R "))).toBe("pdfEncrypted");
  });

  it("refuses streams it cannot decode, and a broken compressed stream", () => {
    const hex = { dictionary: "<< /Filter /ASCIIHexDecode >>", stream: Buffer.from("2F4A53>") };
    expect(scanPdf(withCatalog("", hex))).toBe("pdfUnreadable");
    const indirect = { dictionary: "<< /Filter 9 0 R >>", stream: deflateSync("/JS (x)") };
    expect(scanPdf(withCatalog("", indirect))).toBe("pdfUnreadable");
    const broken = { dictionary: "<< /Filter /FlateDecode >>", stream: Buffer.from("not zlib") };
    expect(scanPdf(withCatalog("", broken))).toBe("pdfUnreadable");
  });

  it("skips image streams it need not decode", () => {
    const jpeg = {
      dictionary: "<< /Subtype /Image /Filter /DCTDecode >>",
      stream: Buffer.alloc(64),
    };
    expect(scanPdf(withCatalog("", jpeg))).toBeNull();
  });

  it("stops a compression bomb instead of inflating it", () => {
    const bomb = {
      dictionary: "<< /Filter /FlateDecode >>",
      stream: deflateSync(Buffer.alloc(140e6)),
    };
    expect(scanPdf(withCatalog("", bomb))).toBe("pdfUnreadable");
  });
});
