import sharp from "sharp";

// Images are decoded and written afresh: the new file carries pixels only, so EXIF (GPS position,
// camera serial, capture time), XMP, ICC comments and anything appended after the image data are
// gone. sharp drops metadata unless asked to keep it; we never ask.

export type ImageType = "image/jpeg" | "image/png" | "image/webp";

// A decompression bomb (a tiny file of huge dimensions) is refused before it is decoded: a phone
// photo of an ID is far below 40 megapixels.
const MAX_INPUT_PIXELS = 40_000_000;

const SHARP_FORMAT = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" } as const;

/** Re-encodes an image in its own format without metadata; null when it cannot be decoded. */
export async function reencodeImage(bytes: Buffer, type: ImageType): Promise<Buffer | null> {
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS });
    const { format } = await image.metadata();
    // The magic bytes said one thing; the decoder must agree, or the file is not what it claims.
    if (format !== SHARP_FORMAT[type]) return null;
    // rotate() applies the EXIF orientation to the pixels first, so the photo stays upright once
    // the orientation tag is dropped with the rest of the metadata.
    const pipeline = image.rotate();
    if (type === "image/jpeg")
      return await pipeline.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
    if (type === "image/png") return await pipeline.png({ compressionLevel: 9 }).toBuffer();
    return await pipeline.webp({ quality: 90 }).toBuffer();
  } catch {
    return null;
  }
}
