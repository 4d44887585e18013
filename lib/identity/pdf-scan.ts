import { constants, inflateSync } from "node:zlib";

// Refuses PDFs that can run code or carry other files. A PDF may hide its dictionaries inside
// compressed object streams and spell names with #xx escapes (/J#61vaScript), so the scan reads
// the raw bytes and every inflated stream, with escapes decoded.

export type PdfFinding = "pdfScript" | "pdfEmbeddedFile" | "pdfEncrypted" | "pdfUnreadable";

const END = String.raw`(?=[\s()<>\[\]{}/%]|$)`;
// /OpenAction alone is harmless (usually "open at page 1"); when it runs JavaScript, /JS or
// /JavaScript is present and caught. /AA runs actions on events; /Launch starts programs.
const SCRIPT = new RegExp(String.raw`/(JavaScript|JS|AA|Launch|RichMedia)${END}`);
const EMBEDDED = new RegExp(String.raw`/(EmbeddedFiles?|FileAttachment)${END}`);
// Encrypted streams cannot be read, so nothing inside them could be checked.
const ENCRYPTED = new RegExp(String.raw`/Encrypt${END}`);

// Filters whose output is pixels only; anything else we cannot decode could hide dictionaries.
const IMAGE_FILTERS = new Set(["DCTDecode", "JPXDecode", "CCITTFaxDecode", "JBIG2Decode"]);
// Caps the work a small "zip bomb" can cause, across all streams of one file. Room for a few
// Flate-compressed full-page images (a 12-megapixel RGB page inflates to about 36 MB).
const MAX_INFLATED_BYTES = 128 * 1024 * 1024;

const decodeNames = (text: string) =>
  text.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function findingIn(text: string): PdfFinding | null {
  const decoded = decodeNames(text);
  if (ENCRYPTED.test(decoded)) return "pdfEncrypted";
  if (SCRIPT.test(decoded)) return "pdfScript";
  if (EMBEDDED.test(decoded)) return "pdfEmbeddedFile";
  return null;
}

/** The stream's filters; null when they are given in a form we cannot read (e.g. `5 0 R`). */
function filtersOf(dictionary: string): string[] | null {
  const text = decodeNames(dictionary);
  if (!/\/Filter(?![A-Za-z0-9])/.test(text)) return [];
  const match = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(text);
  return match ? [...match[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((m) => m[1]!) : null;
}

export function scanPdf(bytes: Buffer): PdfFinding | null {
  const text = bytes.toString("latin1");
  const raw = findingIn(text);
  if (raw) return raw;

  let budget = MAX_INFLATED_BYTES;
  // The keyword follows the stream's dictionary; lenient readers also take a bare CR after it.
  const streams = /(?<=>>\s*)stream(?:\r\n|\r|\n)/g;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) return "pdfUnreadable";
    const dictionary = text.slice(Math.max(0, text.lastIndexOf("obj", match.index)), match.index);
    const filters = filtersOf(dictionary);
    streams.lastIndex = end;
    if (!filters) return "pdfUnreadable";
    if (filters.length === 0 || filters.every((f) => IMAGE_FILTERS.has(f))) continue;
    if (filters[0] !== "FlateDecode" && filters[0] !== "Fl") return "pdfUnreadable";
    let inflated: Buffer;
    try {
      inflated = inflateSync(bytes.subarray(start, end), {
        maxOutputLength: budget,
        // A truncated stream yields what it has instead of failing the whole scan.
        finishFlush: constants.Z_SYNC_FLUSH,
      });
    } catch {
      return "pdfUnreadable";
    }
    budget -= inflated.length;
    const rest = filters.slice(1);
    if (rest.some((f) => !IMAGE_FILTERS.has(f))) return "pdfUnreadable";
    const found = findingIn(inflated.toString("latin1"));
    if (found) return found;
  }
  return null;
}
