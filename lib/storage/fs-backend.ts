import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, open, readFile, rename, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";

import {
  assertStorageKey,
  StoredFileNotFoundError,
  type BlobBackend,
  type BlobWriter,
} from "./blob-backend";

// Encrypted files under DATA_DIR/files, never under public/: nothing here is reachable by URL.
// Every write goes to a temporary name, is flushed and then renamed, so a crash or a failure
// mid-write never leaves a half-stored file under a real name.

const READ_CHUNK_BYTES = 64 * 1024;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** The on-disk path of a stored file under DATA_DIR. */
export function fsPathOf(dataDir: string, storageKey: string): string {
  assertStorageKey(storageKey);
  return path.join(path.resolve(dataDir, "files"), `${storageKey}.bin`);
}

export function createFsBackend(options: { dataDir: string }): BlobBackend {
  const dir = path.resolve(options.dataDir, "files");
  const pathOf = (storageKey: string) => fsPathOf(options.dataDir, storageKey);

  async function openTemp(): Promise<{ temp: string; handle: FileHandle }> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = path.join(dir, `.tmp-${randomBytes(8).toString("hex")}`);
    return { temp, handle: await open(temp, "wx", 0o600) };
  }

  return {
    kind: "fs",
    async put(storageKey, bytes) {
      const target = pathOf(storageKey);
      const { temp, handle } = await openTemp();
      try {
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async createWriter(storageKey, { headerBytes }) {
      return createFsWriter(pathOf(storageKey), headerBytes, await openTemp());
    },
    async get(storageKey) {
      try {
        return await readFile(pathOf(storageKey));
      } catch (error) {
        throw isMissing(error) ? new StoredFileNotFoundError() : error;
      }
    },
    async getStream(storageKey) {
      try {
        return streamFile(await open(pathOf(storageKey), "r"));
      } catch (error) {
        throw isMissing(error) ? new StoredFileNotFoundError() : error;
      }
    },
    async delete(storageKey) {
      await rm(pathOf(storageKey), { force: true });
    },
    async exists(storageKey) {
      try {
        await stat(pathOf(storageKey));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async ready() {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await access(dir, constants.W_OK);
    },
  };
}

async function createFsWriter(
  target: string,
  headerBytes: number,
  opened: { temp: string; handle: FileHandle },
): Promise<BlobWriter> {
  const { temp } = opened;
  let handle: FileHandle | undefined = opened.handle;
  // The header's place is reserved now and written at finish().
  let position = headerBytes;

  const abort = async () => {
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await rm(temp, { force: true });
  };

  return {
    async write(chunk) {
      if (!handle) throw new Error("blob writer is closed");
      await handle.write(chunk, 0, chunk.length, position);
      position += chunk.length;
    },
    async finish(header) {
      if (!handle) throw new Error("blob writer is closed");
      if (header.length !== headerBytes) throw new Error("header size differs from reserved");
      try {
        await handle.write(header, 0, headerBytes, 0);
        await handle.sync();
        await handle.close();
        handle = undefined;
        await rename(temp, target);
      } catch (error) {
        await abort();
        throw error;
      }
    },
    abort,
  };
}

function streamFile(opened: FileHandle): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined = opened;
  const close = async () => {
    await handle?.close().catch(() => undefined);
    handle = undefined;
  };
  let position = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!handle) return;
      try {
        const buffer = Buffer.alloc(READ_CHUNK_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) {
          await close();
          controller.close();
          return;
        }
        position += bytesRead;
        controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    async cancel() {
      await close();
    },
  });
}
