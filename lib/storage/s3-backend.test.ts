import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startS3TestServer, type S3TestServer } from "@/scripts/lib/s3-test-server";

import { StoredFileNotFoundError, type S3Config } from "./blob-backend";
import { createS3Backend } from "./s3-backend";
import { createS3Client, objectUrl, S3RequestError } from "./s3-client";
import { createS3Writer, PART_BYTES } from "./s3-writer";

let server: S3TestServer;
let config: S3Config;
const key = () => randomBytes(16).toString("hex");

beforeAll(async () => {
  server = await startS3TestServer();
  config = {
    endpoint: server.endpoint,
    bucket: server.bucket,
    region: server.region,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
  };
});

afterAll(async () => {
  await server.close();
});

describe("S3 backend", () => {
  it("refuses wrong credentials with a clear error, and never as a missing file", async () => {
    const storageKey = key();
    await createS3Backend(config).put(storageKey, Buffer.from("ciphertext"));
    const wrongSecret = createS3Backend({ ...config, secretAccessKey: "not-the-secret" });
    const refused = await wrongSecret.get(storageKey).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(S3RequestError);
    expect(String(refused)).toBe(
      "S3RequestError: S3 GetObject failed: HTTP 403 SignatureDoesNotMatch",
    );
    await expect(wrongSecret.put(key(), Buffer.from("x"))).rejects.toThrow(/PutObject.*403/);
    await expect(wrongSecret.exists(storageKey)).rejects.toThrow(/HeadObject.*403/);
    const wrongId = createS3Backend({ ...config, accessKeyId: "SOMEONEELSE" });
    await expect(wrongId.get(storageKey)).rejects.toThrow(/403 InvalidAccessKeyId/);
    // The secret never appears in the error.
    expect(String(refused)).not.toContain(config.secretAccessKey);
  });

  it("reports a missing bucket as a configuration error, a missing object as not found", async () => {
    const noBucket = createS3Backend({ ...config, bucket: "no-such-bucket" });
    await expect(noBucket.get(key())).rejects.toThrow(/404 NoSuchBucket/);
    const missing = await createS3Backend(config)
      .get(key())
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StoredFileNotFoundError);
    expect(missing).toMatchObject({ code: "ENOENT" });
    expect(await createS3Backend(config).exists(key())).toBe(false);
  });

  it("uploads a large blob in equal parts, the header part last, and shows it only when complete", async () => {
    const storageKey = key();
    const writer = createS3Writer(createS3Client(config), storageKey, 4);
    const body = randomBytes(2 * PART_BYTES + 1000);
    for (let i = 0; i < body.length; i += 300_000)
      await writer.write(body.subarray(i, i + 300_000));
    expect(await server.objectKeys()).not.toContain(`files/${storageKey}.bin`);
    const from = server.operations.length;
    await writer.finish(Buffer.from("HEAD"));
    expect(server.operations.slice(from)).toEqual([
      "UploadPart 3",
      "UploadPart 1",
      "CompleteMultipartUpload",
    ]);
    const stored = await server.readObject(`files/${storageKey}.bin`);
    expect(stored.subarray(0, 4).toString()).toBe("HEAD");
    expect(stored.subarray(4).equals(body)).toBe(true);
    expect(await server.pendingUploads()).toBe(0);
  });

  it("sends a blob that fits in two parts as one PutObject", async () => {
    const storageKey = key();
    const writer = createS3Writer(createS3Client(config), storageKey, 2);
    await writer.write(randomBytes(PART_BYTES + 10));
    const from = server.operations.length;
    await writer.finish(Buffer.from("ok"));
    expect(server.operations.slice(from)).toEqual(["PutObject"]);
    expect((await server.readObject(`files/${storageKey}.bin`)).length).toBe(PART_BYTES + 12);
  });

  it("builds path-style and virtual-hosted object URLs", () => {
    const base = { ...config, endpoint: "https://s3.example.jp/prefix/", bucket: "dsar" };
    const storageKey = "0".repeat(32);
    expect(objectUrl({ ...base, forcePathStyle: true }, storageKey, "uploads")).toBe(
      `https://s3.example.jp/prefix/dsar/files/${storageKey}.bin?uploads`,
    );
    expect(objectUrl({ ...base, forcePathStyle: false }, storageKey)).toBe(
      `https://dsar.s3.example.jp/prefix/files/${storageKey}.bin`,
    );
    expect(() => objectUrl(base, "../x")).toThrow("invalid storage key");
  });
});
