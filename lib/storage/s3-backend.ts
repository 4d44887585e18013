import { READY_PROBE_KEY, type BlobBackend, type S3Config } from "./blob-backend";
import { createS3Client, S3RequestError } from "./s3-client";
import { createS3Writer } from "./s3-writer";

// Stored files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, R2…), shared by every app
// and worker process. A PutObject or a completed multipart upload is atomic in S3: readers see
// the whole object or none, like the local folder's rename.

export function createS3Backend(config: S3Config): BlobBackend {
  const client = createS3Client(config);
  return {
    kind: "s3",
    async put(storageKey, bytes) {
      await client.check(
        "PutObject",
        await client.send(storageKey, { method: "PUT", body: bytes }),
      );
    },
    async createWriter(storageKey, { headerBytes }) {
      return createS3Writer(client, storageKey, headerBytes);
    },
    async get(storageKey) {
      const response = await client.check(
        "GetObject",
        await client.send(storageKey, { method: "GET" }),
      );
      return Buffer.from(await response.arrayBuffer());
    },
    async getStream(storageKey) {
      const response = await client.check(
        "GetObject",
        await client.send(storageKey, { method: "GET" }),
      );
      if (!response.body) throw new S3RequestError("GetObject", response.status, "NoBody");
      return response.body;
    },
    async delete(storageKey) {
      // S3 answers 204 for a key that is already gone, as rm --force does.
      await client.check("DeleteObject", await client.send(storageKey, { method: "DELETE" }));
    },
    async exists(storageKey) {
      const response = await client.send(storageKey, { method: "HEAD" });
      if (response.status === 404) return false;
      await client.check("HeadObject", response);
      return true;
    },
    async ready() {
      // A key no blob ever has: the bucket answers 404 when it is reachable with these
      // credentials; anything else (403, 5xx, no connection) throws.
      const response = await client.send(READY_PROBE_KEY, { method: "HEAD" });
      if (response.status !== 404) await client.check("HeadObject", response);
    },
  };
}
