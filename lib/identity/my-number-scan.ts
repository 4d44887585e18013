import "server-only";

import { spawn, spawnSync } from "node:child_process";

import sharp from "sharp";

import { log } from "@/lib/log";

import { findMyNumbers } from "./my-number";

// Issue 16: an identity document showing a My Number is destroyed at once, before it is stored.
// Images are read by Tesseract with its Japanese data (Debian's tesseract-ocr and
// tesseract-ocr-jpn, installed on the machine, never fetched); a PDF's text layer by poppler's
// pdftotext, and its pages that are pictures drawn by poppler's pdftoppm and read as photos. Every 12-digit run must pass the check digit (my-number.ts), so phone and account
// numbers are not flagged. The photo is read in Japanese (and English) as it came; a photo is rarely square to
// the camera, so when that finds nothing tesseract's orientation detection (OSD) says whether it
// is on its side or upside down (read again the right way up), and then it is read tilted 7°
// either way for digits alone (both at once: the machine has two cores). Without the engines the portal says
// so at start-up (ocrStartupNotice) and staff keep the manual flag.

const OCR_TIMEOUT_MS = 8_000;
const TILTS = [7, -7] as const;
const MAX_WIDTH = 1600;
// Orientation needs only the shape of the lines, and tilted digits stay legible smaller: both
// read a smaller copy, which is most of their time.
const OSD_WIDTH = 900;
const TILT_WIDTH = 1000;
// An identity document is a page or two (a card's two sides, a passport's photo page).
const MAX_PDF_PICTURE_PAGES = 4;

export type MyNumberScan =
  | { checked: "ocr" | "text"; found: boolean }
  | {
      checked: "none";
      found: false;
      reason: "no-engine" | "unsupported" | "too-many-pages" | "failed";
    };

interface Engines {
  tesseract: boolean;
  pdftotext: boolean;
}

let engines: Engines | undefined;

/** Which engines this machine has: tesseract with Japanese data, and pdftotext. Cached. */
export function scanEngines(): Engines {
  if (engines) return engines;
  const langs = spawnSync("tesseract", ["--list-langs"], { encoding: "utf8", timeout: 5_000 });
  const pdf = spawnSync("pdftotext", ["-v"], { encoding: "utf8", timeout: 5_000 });
  engines = {
    tesseract: langs.status === 0 && /^jpn$/m.test(`${langs.stdout}${langs.stderr}`),
    pdftotext: pdf.status === 0,
  };
  return engines;
}

/** The start-up line when an engine is missing (lib/server/register.ts logs it); null if none. */
export function ocrStartupNotice(): string | null {
  const { tesseract, pdftotext } = scanEngines();
  const missing = [
    tesseract ? null : "tesseract-ocr with tesseract-ocr-jpn",
    pdftotext ? null : "poppler-utils (pdftotext)",
  ].filter(Boolean);
  if (missing.length === 0) return null;
  return `My Number detection on uploads is off (install ${missing.join(" and ")}); staff flag My Numbers by hand`;
}

/** Runs `command` with `input` on stdin; its stdout. Throws on failure or timeout. */
function runBytes(
  command: string,
  args: string[],
  input: Buffer,
  signal?: AbortSignal,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // An aborted scan (the number already found by another read) stops its other reads at once.
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "ignore"], signal });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), OCR_TIMEOUT_MS);
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(chunks));
      else reject(new Error(`${command} exited with ${code}`));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
  });
}

const run = async (command: string, args: string[], input: Buffer, signal?: AbortSignal) =>
  (await runBytes(command, args, input, signal)).toString("utf8");

/** The photo as tesseract reads best: upright by its EXIF, at most `width` wide, grey. */
async function prepare(bytes: Buffer, angle = 0, width = MAX_WIDTH): Promise<Buffer> {
  return sharp(bytes, { failOn: "none" })
    .rotate() // the EXIF orientation, as the phone meant it
    .resize({ width, withoutEnlargement: true })
    .rotate(angle, { background: "#ffffff" })
    .grayscale()
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** How far the page is turned (0, 90, 180 or 270), by tesseract's OSD; 0 when it cannot say. */
async function orientation(image: Buffer, signal: AbortSignal): Promise<number> {
  try {
    const osd = await run("tesseract", ["stdin", "stdout", "--psm", "0"], image, signal);
    const rotate = /Rotate:\s*(\d+)/.exec(osd);
    return rotate ? Number(rotate[1]) % 360 : 0;
  } catch {
    return 0; // too little text to say: read it as it is
  }
}

const read = (image: Buffer, digitsOnly: boolean, signal: AbortSignal) =>
  run(
    "tesseract",
    digitsOnly
      ? ["stdin", "stdout", "-l", "eng", "--psm", "3", "-c", "tessedit_char_whitelist=0123456789 "]
      : ["stdin", "stdout", "-l", "jpn+eng", "--psm", "3"],
    image,
    signal,
  );

const shows = (text: string) => findMyNumbers(text).length > 0;

/** True as soon as one read shows a number; false when none does. A failed read fails the scan. */
function anyShows(reads: Promise<string>[]): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let left = reads.length;
    for (const text of reads)
      text.then((value) => {
        if (shows(value)) resolve(true);
        else if (--left === 0) resolve(false);
      }, reject);
  });
}

async function scanImage(bytes: Buffer): Promise<boolean> {
  const scan = new AbortController();
  const { signal } = scan;
  try {
    // Read as it came and, on the other core, ask whether it is on its side or upside down; a
    // turned photo is read the right way up as soon as that is known, beside the first read.
    const upright = prepare(bytes).then((image) => read(image, false, signal));
    // Its failure is the scan's (anyShows below), also when the orientation check fails first.
    upright.catch(() => undefined);
    const turn = await orientation(await prepare(bytes, 0, OSD_WIDTH), signal);
    const reads = [upright];
    if (turn) reads.push(prepare(bytes, turn).then((image) => read(image, false, signal)));
    if (await anyShows(reads)) return true;
    // Still nothing: read tilted a few degrees either way, for digits alone.
    return await anyShows(
      TILTS.map(async (tilt) => read(await prepare(bytes, turn + tilt, TILT_WIDTH), true, signal)),
    );
  } finally {
    // The reads still running once the answer is known are not needed.
    scan.abort();
  }
}

/** The pages (1-based) that hold a picture, by poppler's `pdfimages -list`. */
function pagesWithImages(list: string): number[] {
  const pages = new Set<number>();
  for (const line of list.split("\n")) {
    const page = /^\s*(\d+)\s+\d+\s+image\b/.exec(line);
    if (page) pages.add(Number(page[1]));
  }
  return [...pages].sort((a, b) => a - b);
}

/**
 * A PDF: its text layer first; then every page that holds a picture (a scanner's PDF, a phone's
 * "save as PDF" of a photo, a typed page with a card pasted in) is drawn by poppler and read as a
 * photo. More picture pages than an identity document has are not read, and say so.
 */
async function scanPdf(bytes: Buffer, tesseract: boolean): Promise<MyNumberScan> {
  const text = await run("pdftotext", ["-q", "-", "-"], bytes);
  if (findMyNumbers(text).length > 0) return { checked: "text", found: true };
  const pages = pagesWithImages(await run("pdfimages", ["-list", "-"], bytes));
  if (pages.length === 0) return { checked: "text", found: false };
  if (!tesseract) return { checked: "none", found: false, reason: "no-engine" };
  if (pages.length > MAX_PDF_PICTURE_PAGES)
    return { checked: "none", found: false, reason: "too-many-pages" };
  for (const page of pages) {
    const image = await runBytes(
      "pdftoppm",
      [
        "-png",
        "-gray",
        "-scale-to",
        String(MAX_WIDTH),
        "-f",
        `${page}`,
        "-l",
        `${page}`,
        "-singlefile",
        "-",
      ],
      bytes,
    );
    if (await scanImage(image)) return { checked: "ocr", found: true };
  }
  return { checked: "ocr", found: false };
}

/**
 * Whether the document (already checked by content: check-document.ts) shows a My Number. An
 * engine that fails on one file (a crash, a timeout) does not stop the upload: the failure is
 * logged and staff's manual flag remains, as when the engine is not installed.
 */
export async function scanForMyNumber(bytes: Buffer, mimeType: string): Promise<MyNumberScan> {
  const { tesseract, pdftotext } = scanEngines();
  try {
    if (mimeType === "application/pdf") {
      if (!pdftotext) return { checked: "none", found: false, reason: "no-engine" };
      return await scanPdf(bytes, tesseract);
    }
    if (!mimeType.startsWith("image/"))
      return { checked: "none", found: false, reason: "unsupported" };
    if (!tesseract) return { checked: "none", found: false, reason: "no-engine" };
    return { checked: "ocr", found: await scanImage(bytes) };
  } catch (error) {
    log.error("My Number scan failed; the upload goes on to staff's manual check", error, {
      mimeType,
    });
    return { checked: "none", found: false, reason: "failed" };
  }
}
