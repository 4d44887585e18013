import { getEnv, type TEnv } from "@/lib/env";

import type { BlobBackend, S3Config } from "./blob-backend";
import { createFsBackend } from "./fs-backend";
import { createS3Backend } from "./s3-backend";

/** The S3 settings when all of them are set (env.ts refuses a partial set), else null. */
export function s3ConfigOf(env: TEnv): S3Config | null {
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) return null;
  return {
    endpoint: S3_ENDPOINT,
    bucket: S3_BUCKET,
    region: env.S3_REGION,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

// Chosen once per process from the environment, like getEnv() itself.
let cached: BlobBackend | undefined;

/** The backend every stored file goes through: S3 when configured, else DATA_DIR/files. */
export function getBlobBackend(): BlobBackend {
  if (cached) return cached;
  const env = getEnv();
  const s3 = s3ConfigOf(env);
  cached = s3 ? createS3Backend(s3) : createFsBackend({ dataDir: env.DATA_DIR });
  return cached;
}
