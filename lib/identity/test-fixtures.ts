import { deflateSync } from "node:zlib";

import sharp from "sharp";

// Files for tests, generated on the fly: images by sharp, PDFs written as bytes. Shared by the
// unit, integration and browser tests so each rule is exercised by the same fixtures.

/** A JPEG photo carrying EXIF with a GPS position (Tokyo), as a phone would write it. */
export async function jpegWithGps(options: { width?: number; height?: number } = {}) {
  return sharp({
    create: {
      width: options.width ?? 64,
      height: options.height ?? 48,
      channels: 3,
      background: "#c33",
    },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: "TestCam", Model: "Serial-12345" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "35/1 41/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "139/1 41/1 0/1",
      },
    })
    .toBuffer();
}

/** A photo-sized JPEG of noise: it barely compresses, so its size is about width × height / 2. */
export const noisyJpeg = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();

export const pngImage = () =>
  sharp({ create: { width: 32, height: 32, channels: 4, background: "#3c3" } })
    .png()
    .toBuffer();

export const webpImage = () =>
  sharp({ create: { width: 32, height: 32, channels: 3, background: "#33c" } })
    .webp()
    .toBuffer();

/** Whether an EXIF block (TIFF layout) has a GPS directory: tag 0x8825 in its first IFD. */
export function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf("Exif\0\0") >= 0 ? exif.indexOf("Exif\0\0") + 6 : 0);
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  for (let i = 0; i < u16(ifd); i++) if (u16(ifd + 2 + i * 12) === 0x8825) return true;
  return false;
}

type PdfObject = string | { dictionary: string; stream: Buffer };

/** A PDF with the given objects (1-based, object 1 is the catalog) and a correct xref table. */
export function buildPdf(objects: PdfObject[], trailerExtra = ""): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const body =
      typeof object === "string"
        ? Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, "latin1")
        : Buffer.concat([
            Buffer.from(
              `${i + 1} 0 obj\n${object.dictionary.replace(/>>\s*$/, ` /Length ${object.stream.length} >>`)}\nstream\n`,
              "latin1",
            ),
            object.stream,
            Buffer.from("\nendstream\nendobj\n", "latin1"),
          ]);
    parts.push(body);
    length += body.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`,
  ].join("");
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

const page = [
  "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
  {
    dictionary: "<< /Filter /FlateDecode >>",
    stream: deflateSync("BT /F1 12 Tf 20 100 Td (Identity document) Tj ET"),
  },
];

/** A plain one-page PDF with a compressed content stream and a harmless open action. */
export const cleanPdf = () =>
  buildPdf(["<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>", ...page]);

/** A PDF that runs JavaScript when opened. */
export const pdfWithJavaScript = () =>
  buildPdf([
    "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
    ...page,
    "<< /S /JavaScript /JS (app.alert('hi')) >>",
  ]);

/** A PDF carrying another file in its name tree. */
export const pdfWithEmbeddedFile = () =>
  buildPdf([
    "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 5 0 R >> >>",
    ...page,
    "<< /Names [(a.exe) 6 0 R] >>",
    "<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>",
    { dictionary: "<< /Type /EmbeddedFile >>", stream: Buffer.from("MZ payload") },
  ]);

/** A PDF whose script dictionary sits inside a compressed object stream. */
export function pdfWithHiddenScript(): Buffer {
  const inner = "5 0 << /S /JavaScript /JS (app.alert(1)) >>";
  const header = "5 0 ";
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
    ...page,
    {
      dictionary: `<< /Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode >>`,
      stream: deflateSync(inner),
    },
  ]);
}

/** Text that pretends to be a JPEG by its name only. */
export const fakeJpeg = () => Buffer.from("This is not an image, just text named photo.jpg\n");

/** A one-page PDF whose text layer reads `text` (Latin letters and digits, Helvetica). */
export const pdfWithText = (text: string) =>
  buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    {
      dictionary: "<< /Filter /FlateDecode >>",
      stream: deflateSync(`BT /F1 14 Tf 20 100 Td (${text}) Tj ET`),
    },
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);

/** A PDF whose pages are all the same photo (a scan, a phone's "save as PDF"): no text layer. */
export async function pdfWithImage(image: Buffer, pages = 1): Promise<Buffer> {
  const { data, info } = await sharp(image)
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 90 })
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  // Objects: 1 catalog, 2 pages, 3 contents, 4 the image, then one object per page.
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(" ");
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    { dictionary: "<< >>", stream: Buffer.from(`q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`) },
    {
      dictionary: `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode >>`,
      stream: data,
    },
    ...Array.from(
      { length: pages },
      () =>
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 3 0 R >>`,
    ),
  ]);
}
