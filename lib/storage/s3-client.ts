import { createHash } from "node:crypto";

import { AwsClient } from "aws4fetch";

import { assertStorageKey, StoredFileNotFoundError, type S3Config } from "./blob-backend";

// The few S3 REST calls the backend makes, signed with SigV4 by aws4fetch (a small signer on top
// of fetch, no SDK). Bodies are sent with their SHA-256 in the signature, so the server refuses a
// body altered on the way.

export class S3RequestError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly s3Code: string | undefined,
  ) {
    // Names the call and S3's error code; never the credentials or a response body.
    super(`S3 ${operation} failed: HTTP ${status}${s3Code ? ` ${s3Code}` : ""}`);
    this.name = "S3RequestError";
  }
}

export interface S3Client {
  /** Signed request for the object of a storage key; `query` like "uploads" or "uploadId=…". */
  send(
    storageKey: string,
    request: { method: string; query?: string; body?: Buffer },
  ): Promise<Response>;
  /** Throws S3RequestError (or StoredFileNotFoundError for NoSuchKey) unless the response is ok. */
  check(operation: string, response: Response): Promise<Response>;
}

/** Objects sit under files/ like the local folder, named by the random storage key only. */
export function objectUrl(config: S3Config, storageKey: string, query = ""): string {
  assertStorageKey(storageKey);
  const endpoint = new URL(config.endpoint);
  const basePath = endpoint.pathname.replace(/\/+$/, "");
  const key = `files/${storageKey}.bin${query ? `?${query}` : ""}`;
  return config.forcePathStyle
    ? `${endpoint.origin}${basePath}/${config.bucket}/${key}`
    : `${endpoint.protocol}//${config.bucket}.${endpoint.host}${basePath}/${key}`;
}

const sha256Hex = (body: Buffer) => createHash("sha256").update(body).digest("hex");

export function createS3Client(config: S3Config): S3Client {
  const aws = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: "s3",
    region: config.region,
    // Server errors and throttling are retried with backoff; a few tries, then a clear failure.
    retries: 3,
  });
  return {
    async send(storageKey, { method, query, body }) {
      const payload = body ?? Buffer.alloc(0);
      const headers: Record<string, string> = { "X-Amz-Content-Sha256": sha256Hex(payload) };
      if (!body) return aws.fetch(objectUrl(config, storageKey, query), { method, headers });
      headers["Content-Type"] = "application/octet-stream";
      // A view, not a copy: fetch takes any ArrayBufferView of a plain ArrayBuffer.
      const view = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
      return aws.fetch(objectUrl(config, storageKey, query), { method, headers, body: view });
    },
    async check(operation, response) {
      if (response.ok) return response;
      const text = response.body ? await response.text() : "";
      const s3Code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
      if (response.status === 404 && (s3Code === "NoSuchKey" || s3Code === undefined))
        throw new StoredFileNotFoundError();
      throw new S3RequestError(operation, response.status, s3Code);
    },
  };
}
