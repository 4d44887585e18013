import { describe, expect, it } from "vitest";

import { downloadOf, fileFormatOf, packageFormatsFor } from "./formats";

describe("package formats", () => {
  it("builds the chosen format and the readable HTML; paper is a printable PDF", () => {
    expect(packageFormatsFor({ method: "JSON" })).toEqual(["JSON", "HTML"]);
    expect(packageFormatsFor({ method: "CSV" })).toEqual(["CSV", "HTML"]);
    expect(packageFormatsFor({ method: "PDF" })).toEqual(["PDF", "HTML"]);
    expect(packageFormatsFor({ method: "PAPER" })).toEqual(["PAPER", "HTML"]);
    expect(packageFormatsFor({})).toEqual(["JSON", "HTML"]);
    expect(packageFormatsFor(null)).toEqual(["JSON", "HTML"]);
    expect(fileFormatOf("PAPER")).toBe("PDF");
  });

  it("serves each format with its content type and a file name", () => {
    expect(downloadOf("JSON", "R-2026-000001")).toEqual({
      contentType: "application/json; charset=utf-8",
      fileName: "R-2026-000001.json",
    });
    expect(downloadOf("CSV", "R-2026-000001").contentType).toBe("text/csv; charset=utf-8");
    expect(downloadOf("HTML", "R-2026-000001")).toEqual({
      contentType: "text/html; charset=utf-8",
      fileName: "R-2026-000001.html",
    });
    expect(downloadOf("PDF", "R-2026-000001").contentType).toBe("application/pdf");
    expect(downloadOf("PAPER", "R-2026-000001")).toEqual({
      contentType: "application/pdf",
      fileName: "R-2026-000001-postal-copy.pdf",
    });
  });
});
