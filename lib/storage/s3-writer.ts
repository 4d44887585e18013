import type { BlobWriter } from "./blob-backend";
import { S3RequestError, type S3Client } from "./s3-client";

// A streamed blob in an S3-compatible bucket, in bounded memory: S3 objects cannot be rewritten
// in place, but the file format's header (holding the GCM tag) is only known at the end. So the
// blob is cut into parts of PART_BYTES: part 1 (header + first bytes) stays in memory until
// finish(), parts 2… are uploaded as a multipart upload as soon as they fill, and part 1 is
// uploaded last (S3 orders parts by number, not by upload time). At most two parts are held:
// about 10 MiB per writer whatever the package size. A blob that fits in two parts is sent as one
// PUT. Nothing is visible under the key until the upload is completed; an aborted upload is
// discarded (a crashed process leaves parts behind: see the bucket lifecycle rule in the README).

/** S3's minimum for every part but the last; all parts have this size, as R2 also requires. */
export const PART_BYTES = 5 * 1024 * 1024;
// S3 allows 10,000 parts: up to about 50 GB per blob.
const MAX_PARTS = 10_000;

interface Part {
  PartNumber: number;
  ETag: string;
}

export function createS3Writer(client: S3Client, storageKey: string, headerBytes: number) {
  let first: Buffer | undefined = Buffer.alloc(PART_BYTES);
  let firstFill = headerBytes;
  let current: Buffer | undefined;
  let currentFill = 0;
  let uploadId: string | undefined;
  const parts: Part[] = [];
  let closed = false;

  async function startUpload(): Promise<string> {
    const response = await client.send(storageKey, { method: "POST", query: "uploads" });
    const xml = await (await client.check("CreateMultipartUpload", response)).text();
    const id = /<UploadId>([^<]+)<\/UploadId>/.exec(xml)?.[1];
    if (!id) throw new S3RequestError("CreateMultipartUpload", response.status, "NoUploadId");
    return id;
  }

  async function uploadPart(partNumber: number, body: Buffer) {
    if (partNumber > MAX_PARTS) throw new Error("stored file exceeds the S3 multipart limit");
    uploadId ??= await startUpload();
    const query = `partNumber=${partNumber}&uploadId=${encodeURIComponent(uploadId)}`;
    const response = await client.send(storageKey, { method: "PUT", query, body });
    await client.check("UploadPart", response);
    const etag = response.headers.get("etag");
    if (!etag) throw new S3RequestError("UploadPart", response.status, "NoETag");
    parts.push({ PartNumber: partNumber, ETag: etag });
  }

  async function complete() {
    const sorted = [...parts].sort((a, b) => a.PartNumber - b.PartNumber);
    const xml = `<CompleteMultipartUpload>${sorted
      .map((p) => `<Part><PartNumber>${p.PartNumber}</PartNumber><ETag>${p.ETag}</ETag></Part>`)
      .join("")}</CompleteMultipartUpload>`;
    const query = `uploadId=${encodeURIComponent(uploadId!)}`;
    const response = await client.send(storageKey, {
      method: "POST",
      query,
      body: Buffer.from(xml, "utf8"),
    });
    const text = await (await client.check("CompleteMultipartUpload", response)).text();
    // S3 may answer 200 and still report a failure in the body.
    if (text.includes("<Error>"))
      throw new S3RequestError(
        "CompleteMultipartUpload",
        response.status,
        /<Code>([^<]+)</.exec(text)?.[1],
      );
  }

  const abort = async () => {
    closed = true;
    first = current = undefined;
    if (!uploadId) return;
    const query = `uploadId=${encodeURIComponent(uploadId)}`;
    uploadId = undefined;
    await client.send(storageKey, { method: "DELETE", query }).catch(() => undefined);
  };

  const writer: BlobWriter = {
    async write(chunk) {
      if (closed || !first) throw new Error("blob writer is closed");
      let offset = 0;
      while (offset < chunk.length) {
        if (firstFill < PART_BYTES) {
          const copied = chunk.copy(first, firstFill, offset);
          firstFill += copied;
          offset += copied;
          continue;
        }
        current ??= Buffer.alloc(PART_BYTES);
        const copied = chunk.copy(current, currentFill, offset);
        currentFill += copied;
        offset += copied;
        if (currentFill === PART_BYTES) {
          await uploadPart(parts.length + 2, current);
          currentFill = 0;
        }
      }
    },
    async finish(header) {
      if (closed || !first) throw new Error("blob writer is closed");
      if (header.length !== headerBytes) throw new Error("header size differs from reserved");
      header.copy(first, 0);
      try {
        if (!uploadId) {
          const body = Buffer.concat([
            first.subarray(0, firstFill),
            current?.subarray(0, currentFill) ?? Buffer.alloc(0),
          ]);
          await client.check("PutObject", await client.send(storageKey, { method: "PUT", body }));
        } else {
          if (currentFill > 0)
            await uploadPart(parts.length + 2, current!.subarray(0, currentFill));
          await uploadPart(1, first);
          await complete();
        }
      } catch (error) {
        await abort();
        throw error;
      }
      closed = true;
      first = current = undefined;
    },
    abort,
  };
  return writer;
}
