import busboy from "next/dist/compiled/busboy";

import type { ReplyField } from "./action-reply";

/**
 * The parts of a server action's multipart body, in order, parsed the way Next.js parses them (its
 * own busboy, with its options): null where that parsing fails, which Next.js answers with 500.
 * React refuses base64-encoded file parts, so they count as failures too.
 */
export async function readMultipart(
  request: Request,
  fieldSize: number,
): Promise<[string, ReplyField][] | null> {
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await request.arrayBuffer());
  } catch {
    return null;
  }
  return new Promise((resolve) => {
    const parts: [string, ReplyField][] = [];
    let settled = false;
    const settle = (value: [string, ReplyField][] | null) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({
        headers: { "content-type": request.headers.get("content-type") ?? "" },
        defParamCharset: "utf8",
        limits: { fieldSize },
      });
    } catch {
      settle(null);
      return;
    }
    parser.on("field", (name, value) => parts.push([name, value]));
    parser.on("file", (name, stream, info) => {
      if (info.encoding.toLowerCase() === "base64") {
        stream.resume();
        settle(null);
        return;
      }
      const at = parts.push([name, new Blob([])]) - 1;
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(new Uint8Array(chunk)));
      stream.on("end", () => {
        parts[at] = [name, new File(chunks, info.filename, { type: info.mimeType })];
      });
    });
    parser.on("error", () => settle(null));
    parser.on("close", () => settle(parts));
    try {
      parser.end(bytes);
    } catch {
      settle(null);
    }
  });
}
