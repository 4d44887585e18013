import "server-only";

import { spawn, spawnSync } from "node:child_process";

import sharp from "sharp";

import { log } from "@/lib/log";

import { findMyNumbers } from "./my-number";

// Issue 16: an identity document showing a My Number is destroyed at once, before it is stored.
// Images are read by Tesseract with its Japanese data (Debian's tesseract-ocr and
// tesseract-ocr-jpn, installed on the machine, never fetched); a PDF's text layer by poppler's
// pdftotext. Every 12-digit run must pass the check digit (my-number.ts), so phone and account
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

export type MyNumberScan =
  | { checked: "ocr" | "text"; found: boolean }
  | { checked: "none"; found: false; reason: "no-engine" | "unsupported" | "failed" };

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

/** Runs `command` with `input` on stdin; its stdout as text. Throws on failure or timeout. */
function run(command: string, args: string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), OCR_TIMEOUT_MS);
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(chunks).toString("utf8"));
      else reject(new Error(`${command} exited with ${code}`));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
  });
}

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
async function orientation(image: Buffer): Promise<number> {
  try {
    const osd = await run("tesseract", ["stdin", "stdout", "--psm", "0"], image);
    const rotate = /Rotate:\s*(\d+)/.exec(osd);
    return rotate ? Number(rotate[1]) % 360 : 0;
  } catch {
    return 0; // too little text to say: read it as it is
  }
}

const read = (image: Buffer, digitsOnly: boolean) =>
  run(
    "tesseract",
    digitsOnly
      ? ["stdin", "stdout", "-l", "eng", "--psm", "3", "-c", "tessedit_char_whitelist=0123456789 "]
      : ["stdin", "stdout", "-l", "jpn+eng", "--psm", "3"],
    image,
  );

async function scanImage(bytes: Buffer): Promise<boolean> {
  const upright = await prepare(bytes);
  if (findMyNumbers(await read(upright, false)).length > 0) return true;
  // Nothing read the way it came: is the photo on its side or upside down?
  const turn = await orientation(await prepare(bytes, 0, OSD_WIDTH));
  if (turn && findMyNumbers(await read(await prepare(bytes, turn), false)).length > 0) return true;
  const tilted = await Promise.all(
    TILTS.map(async (tilt) => read(await prepare(bytes, turn + tilt, TILT_WIDTH), true)),
  );
  return tilted.some((text) => findMyNumbers(text).length > 0);
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
      const text = await run("pdftotext", ["-q", "-", "-"], bytes);
      return { checked: "text", found: findMyNumbers(text).length > 0 };
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
