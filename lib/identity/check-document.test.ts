import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { checkDocument } from "./check-document";
import { detectFileType } from "./file-type";
import { MAX_FILE_BYTES, MAX_REQUEST_BYTES, refusalMessageKey } from "./rules";
import {
  cleanPdf,
  fakeJpeg,
  hasGpsIfd,
  jpegWithGps,
  pdfWithEmbeddedFile,
  pdfWithJavaScript,
  pngImage,
  webpImage,
} from "./test-fixtures";

const refused = async (bytes: Buffer, usedBytes = 0) => {
  const result = await checkDocument({ bytes, usedBytes });
  return result.ok ? "accepted" : result.reason;
};

describe("file types by content", () => {
  it("recognises JPEG, PNG, WebP and PDF by their magic bytes", async () => {
    expect(detectFileType(await jpegWithGps())).toBe("image/jpeg");
    expect(detectFileType(await pngImage())).toBe("image/png");
    expect(detectFileType(await webpImage())).toBe("image/webp");
    expect(detectFileType(cleanPdf())).toBe("application/pdf");
  });

  it("refuses text named like an image, and a PDF header that does not open the file", async () => {
    expect(await refused(fakeJpeg())).toBe("unsupportedType");
    expect(await refused(Buffer.concat([Buffer.from("junk"), cleanPdf()]))).toBe("unsupportedType");
  });

  it("refuses HEIC with its own reason, and AVIF as an unknown type", async () => {
    const ftyp = (brand: string) =>
      Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}\0\0\0\0mif1heic`)]);
    expect(await refused(ftyp("heic"))).toBe("heicUnsupported");
    expect(await refused(ftyp("avif"))).toBe("unsupportedType");
  });

  it("refuses an image whose content is not what its magic bytes claim", async () => {
    const truncated = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200)]);
    expect(await refused(truncated)).toBe("imageUnreadable");
  });
});

describe("sizes", () => {
  it("refuses an empty file and one over the per-file limit", async () => {
    expect(await refused(Buffer.alloc(0))).toBe("empty");
    const big = Buffer.concat([await pngImage(), Buffer.alloc(MAX_FILE_BYTES)]);
    expect(await refused(big)).toBe("tooLarge");
  });

  it("refuses a file that would take the request over its total", async () => {
    const image = await pngImage();
    expect(await refused(image, MAX_REQUEST_BYTES - 10)).toBe("requestLimit");
    expect(await refused(image, MAX_REQUEST_BYTES - 100_000)).toBe("accepted");
  });
});

describe("image re-encoding", () => {
  it("removes EXIF and GPS metadata, keeping the picture", async () => {
    const original = await jpegWithGps();
    expect(hasGpsIfd((await sharp(original).metadata()).exif)).toBe(true);
    const result = await checkDocument({ bytes: original });
    if (!result.ok) throw new Error(result.reason);
    const after = await sharp(result.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(hasGpsIfd(after.exif)).toBe(false);
    expect(result.bytes.toString("latin1")).not.toContain("Serial-12345");
    expect([after.format, after.width, after.height]).toEqual(["jpeg", 64, 48]);
    expect(result).toMatchObject({ mimeType: "image/jpeg", sizeBytes: result.bytes.length });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("drops bytes appended after the image", async () => {
    const tail = Buffer.from("<script>alert(1)</script>");
    const result = await checkDocument({ bytes: Buffer.concat([await pngImage(), tail]) });
    if (!result.ok) throw new Error(result.reason);
    expect(result.bytes.includes(tail)).toBe(false);
  });

  it("accepts WebP and PNG in their own format", async () => {
    expect(await checkDocument({ bytes: await webpImage() })).toMatchObject({
      mimeType: "image/webp",
    });
    expect(await checkDocument({ bytes: await pngImage() })).toMatchObject({
      mimeType: "image/png",
    });
  });
});

describe("PDFs", () => {
  it("stores a clean PDF as sent", async () => {
    const pdf = cleanPdf();
    const result = await checkDocument({ bytes: pdf });
    expect(result).toMatchObject({ ok: true, mimeType: "application/pdf", sizeBytes: pdf.length });
  });

  it("refuses scripts and embedded files", async () => {
    expect(await refused(pdfWithJavaScript())).toBe("pdfScript");
    expect(await refused(pdfWithEmbeddedFile())).toBe("pdfEmbeddedFile");
  });

  it("maps every refusal to an identity catalogue key", () => {
    expect(refusalMessageKey("pdfScript")).toBe("identity.errors.pdfScript");
  });
});
