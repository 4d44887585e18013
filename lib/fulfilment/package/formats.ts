import type { PackageFormat } from "@/lib/generated/prisma/enums";

import type { PackageFileFormat } from "./types";

// Which files a disclosure package consists of, and how each is served.

/**
 * The formats to build for the method the person chose (APPI Art.33(1): electronic record,
 * document, or as the business decides): the chosen machine-readable or printable format, plus
 * the readable HTML document with the supplementary information, always. PAPER is the PDF printed
 * for the post; its file is kept as the copy of what was sent.
 */
export function packageFormatsFor(details: unknown): PackageFormat[] {
  const method = (details as { method?: unknown } | null)?.method;
  const chosen: PackageFormat =
    method === "CSV" || method === "PDF" || method === "PAPER" ? method : "JSON";
  return [chosen, "HTML"];
}

/** The writer that produces a stored format. */
export function fileFormatOf(format: PackageFormat): PackageFileFormat {
  return format === "PAPER" ? "PDF" : format;
}

const FILES: Record<PackageFileFormat, { contentType: string; extension: string }> = {
  JSON: { contentType: "application/json; charset=utf-8", extension: "json" },
  CSV: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  HTML: { contentType: "text/html; charset=utf-8", extension: "html" },
  PDF: { contentType: "application/pdf", extension: "pdf" },
};

/** Content type and file name of a stored package file (always served as an attachment). */
export function downloadOf(format: PackageFormat, reference: string) {
  const file = FILES[fileFormatOf(format)];
  const name = format === "PAPER" ? `${reference}-postal-copy` : reference;
  return { contentType: file.contentType, fileName: `${name}.${file.extension}` };
}
