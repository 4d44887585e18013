import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { vi } from "vitest";

import { startS3TestServer, type S3TestServer } from "@/scripts/lib/s3-test-server";

// Runs a storage test file against each blob backend. The stores read the environment once
// (getEnv) and pick their backend once, so each backend gets a fresh module registry: call
// setUpBackend in beforeAll, then import the modules under test.

export const BACKENDS = ["fs", "s3"] as const;
export type BackendKind = (typeof BACKENDS)[number];

const S3_VARIABLES = [
  "S3_ENDPOINT",
  "S3_BUCKET",
  "S3_REGION",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
];

export interface BackendHarness {
  kind: BackendKind;
  dataDir: string;
  /** Present for "s3": the server the bucket lives on. */
  server?: S3TestServer;
  /** The bytes stored for a file, read on the storage side behind the app's back. */
  raw(storageKey: string): Promise<Buffer>;
  /**
   * What the storage holds, as storage keys; anything else (a temporary file, an unfinished
   * multipart upload) appears under its own name, so a test sees what a failure left behind.
   */
  contents(): Promise<string[]>;
  close(): Promise<void>;
}

export async function setUpBackend(kind: BackendKind): Promise<BackendHarness> {
  vi.resetModules();
  const dataDir = await mkdtemp(path.join(tmpdir(), `storage-${kind}-`));
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("MASTER_KEY", randomBytes(32).toString("base64"));
  for (const name of S3_VARIABLES) vi.stubEnv(name, undefined);
  const filesDir = path.join(dataDir, "files");
  const close = async () => {
    await rm(dataDir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  };

  if (kind === "fs") {
    return {
      kind,
      dataDir,
      raw: (storageKey) => readFile(path.join(filesDir, `${storageKey}.bin`)),
      async contents() {
        const names = await readdir(filesDir).catch(() => []);
        return names.map((n) => n.replace(/\.bin$/, "")).sort();
      },
      close,
    };
  }

  const server = await startS3TestServer();
  vi.stubEnv("S3_ENDPOINT", server.endpoint);
  vi.stubEnv("S3_BUCKET", server.bucket);
  vi.stubEnv("S3_ACCESS_KEY_ID", server.accessKeyId);
  vi.stubEnv("S3_SECRET_ACCESS_KEY", server.secretAccessKey);
  return {
    kind,
    dataDir,
    server,
    raw: (storageKey) => server.readObject(`files/${storageKey}.bin`),
    async contents() {
      const keys = (await server.objectKeys()).map((k) => k.replace(/^files\/(.*)\.bin$/, "$1"));
      const uploads = Array.from({ length: await server.pendingUploads() }, () => "upload");
      // The local folder must stay unused when S3 is configured.
      const local = await readdir(filesDir).catch(() => []);
      return [...keys, ...uploads, ...local.map((n) => `local:${n}`)].sort();
    },
    async close() {
      await server.close();
      await close();
    },
  };
}
