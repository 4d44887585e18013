import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { pipeline } from "node:stream/promises";

// A minimal S3-compatible server for tests: path-style PutObject, GetObject, HeadObject,
// DeleteObject and multipart upload (create, upload part, complete, abort), over real HTTP, with
// every request's SigV4 signature and payload SHA-256 checked as AWS does. Objects are streamed to
// a temporary folder, never held in memory, so tests can measure the client's memory. Written
// from the AWS documentation rather than borrowed from a client, so it checks the client
// independently. s3rver (the npm fake) accepts any SigV4 signature, which is why it is not used.

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Object keys in the bucket, sorted. */
  objectKeys(): Promise<string[]>;
  /** The bytes the server holds for an object: what S3 would see. */
  readObject(key: string): Promise<Buffer>;
  /** The S3 operations served so far, in order ("PutObject", "UploadPart 2"…), failures too. */
  operations: string[];
  /** Multipart uploads created and neither completed nor aborted. */
  pendingUploads(): Promise<number>;
  close(): Promise<void>;
}

const MIN_PART_BYTES = 5 * 1024 * 1024;

class S3Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

const hmac = (key: Buffer | string, data: string) =>
  createHmac("sha256", key).update(data).digest();
const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");
const encode = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function canonicalQuery(search: string): string {
  return search
    .replace(/^\?/, "")
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const [key = "", value = ""] = pair
        .split("=")
        .map((p) => decodeURIComponent(p.replace(/\+/g, " ")));
      return [encode(key), encode(value)] as const;
    })
    .sort(([k1, v1], [k2, v2]) => (k1 === k2 ? (v1 < v2 ? -1 : 1) : k1 < k2 ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/** Checks the Authorization header's SigV4 signature; returns the payload hash it signed. */
function verifySignature(
  req: IncomingMessage,
  server: Pick<S3TestServer, "accessKeyId" | "secretAccessKey" | "region">,
): string {
  const auth = req.headers.authorization ?? "";
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!match) throw new S3Failure(403, "AccessDenied");
  const [, accessKeyId, date = "", region = "", signedHeaders = "", signature = ""] = match;
  if (accessKeyId !== server.accessKeyId) throw new S3Failure(403, "InvalidAccessKeyId");
  if (region !== server.region) throw new S3Failure(400, "AuthorizationHeaderMalformed");
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (!amzDate.startsWith(date) || !payloadHash) throw new S3Failure(400, "InvalidRequest");
  const signed = signedHeaders.split(";");
  if (!signed.includes("host") || !signed.includes("x-amz-date"))
    throw new S3Failure(403, "AccessDenied");
  const url = new URL(req.url ?? "/", "http://s3.test");
  const canonical = [
    req.method,
    url.pathname
      .split("/")
      .map((s) => encode(decodeURIComponent(s)))
      .join("/"),
    canonicalQuery(url.search),
    signed
      .map(
        (h) =>
          `${h}:${String(req.headers[h] ?? "")
            .trim()
            .replace(/\s+/g, " ")}\n`,
      )
      .join(""),
    signedHeaders,
    payloadHash,
  ].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  let key = hmac(`AWS4${server.secretAccessKey}`, date);
  for (const part of [region, "s3", "aws4_request"]) key = hmac(key, part);
  const expected = hmac(key, toSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex")))
    throw new S3Failure(403, "SignatureDoesNotMatch");
  return payloadHash;
}

function operationOf(method: string, query: URLSearchParams): string {
  if (query.has("uploads")) return "CreateMultipartUpload";
  if (query.has("partNumber")) return `UploadPart ${query.get("partNumber")}`;
  if (query.has("uploadId"))
    return method === "DELETE" ? "AbortMultipartUpload" : "CompleteMultipartUpload";
  const names: Record<string, string> = {
    PUT: "PutObject",
    GET: "GetObject",
    HEAD: "HeadObject",
    DELETE: "DeleteObject",
  };
  return names[method] ?? method;
}

export async function startS3TestServer(
  options: { bucket?: string; accessKeyId?: string; secretAccessKey?: string } = {},
): Promise<S3TestServer> {
  const root = await mkdtemp(path.join(tmpdir(), "s3-test-"));
  const objectsDir = path.join(root, "objects");
  const uploadsDir = path.join(root, "uploads");
  await mkdir(objectsDir);
  await mkdir(uploadsDir);
  const config = {
    bucket: options.bucket ?? "dsar-test",
    accessKeyId: options.accessKeyId ?? "TESTACCESSKEY",
    secretAccessKey: options.secretAccessKey ?? randomBytes(20).toString("base64"),
    region: "us-east-1",
  };
  const objectPath = (key: string) => path.join(objectsDir, encodeURIComponent(key));
  const uploadPath = (id: string) => {
    if (!/^[0-9a-f]{32}$/.test(id)) throw new S3Failure(404, "NoSuchUpload");
    return path.join(uploadsDir, id);
  };

  /** Streams the request body to a file, checking the signed SHA-256 on the way. */
  async function receive(req: IncomingMessage, file: string, payloadHash: string): Promise<string> {
    const temp = `${file}.part-${randomBytes(4).toString("hex")}`;
    const hash = createHash("sha256");
    const md5 = createHash("md5");
    await pipeline(
      req,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          md5.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(temp),
    );
    if (payloadHash !== "UNSIGNED-PAYLOAD" && hash.digest("hex") !== payloadHash) {
      await rm(temp, { force: true });
      throw new S3Failure(400, "XAmzContentSHA256Mismatch");
    }
    await rename(temp, file);
    return `"${md5.digest("hex")}"`;
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  async function complete(key: string, id: string, xml: string, res: ServerResponse) {
    const dir = uploadPath(id);
    const listed = [
      ...xml.matchAll(
        /<Part>\s*<PartNumber>(\d+)<\/PartNumber>\s*<ETag>([^<]+)<\/ETag>\s*<\/Part>/g,
      ),
    ];
    if (listed.length === 0) throw new S3Failure(400, "MalformedXML");
    const numbers = listed.map((m) => Number(m[1]));
    if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!))
      throw new S3Failure(400, "InvalidPartOrder");
    const files: string[] = [];
    for (const [i, m] of listed.entries()) {
      const file = path.join(dir, m[1]!);
      const etagFile = await readFile(`${file}.etag`, "utf8").catch(() => null);
      if (etagFile !== m[2]!.replace(/&quot;/g, '"')) throw new S3Failure(400, "InvalidPart");
      if (i < listed.length - 1 && (await stat(file)).size < MIN_PART_BYTES)
        throw new S3Failure(400, "EntityTooSmall");
      files.push(file);
    }
    const temp = `${objectPath(key)}.part-${randomBytes(4).toString("hex")}`;
    await pipeline(async function* () {
      for (const file of files) yield* createReadStream(file);
    }, createWriteStream(temp));
    await rename(temp, objectPath(key));
    await rm(dir, { recursive: true, force: true });
    res.writeHead(200, { "Content-Type": "application/xml" });
    res.end(
      `<CompleteMultipartUploadResult><Key>${key}</Key><ETag>"multipart"</ETag></CompleteMultipartUploadResult>`,
    );
  }

  const operations: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://s3.test");
    operations.push(operationOf(req.method ?? "", url.searchParams));
    const payloadHash = verifySignature(req, config);
    const [, bucket = "", ...rest] = url.pathname.split("/");
    const key = rest.map(decodeURIComponent).join("/");
    if (bucket !== config.bucket) throw new S3Failure(404, "NoSuchBucket");
    if (!key) throw new S3Failure(400, "InvalidRequest");
    const uploadId = url.searchParams.get("uploadId");
    const partNumber = url.searchParams.get("partNumber");

    if (req.method === "POST" && url.searchParams.has("uploads")) {
      const id = randomBytes(16).toString("hex");
      await mkdir(uploadPath(id));
      res.writeHead(200, { "Content-Type": "application/xml" });
      res.end(
        `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
      );
    } else if (req.method === "PUT" && uploadId && partNumber) {
      const dir = uploadPath(uploadId);
      if (!(await stat(dir).catch(() => null))) throw new S3Failure(404, "NoSuchUpload");
      const file = path.join(dir, String(Number(partNumber)));
      const etag = await receive(req, file, payloadHash);
      await writeFile(`${file}.etag`, etag);
      res.writeHead(200, { ETag: etag }).end();
    } else if (req.method === "POST" && uploadId) {
      if (!(await stat(uploadPath(uploadId)).catch(() => null)))
        throw new S3Failure(404, "NoSuchUpload");
      const xml = await readBody(req);
      if (
        payloadHash !== "UNSIGNED-PAYLOAD" &&
        createHash("sha256").update(xml).digest("hex") !== payloadHash
      )
        throw new S3Failure(400, "XAmzContentSHA256Mismatch");
      await complete(key, uploadId, xml, res);
    } else if (req.method === "DELETE" && uploadId) {
      await rm(uploadPath(uploadId), { recursive: true, force: true });
      res.writeHead(204).end();
    } else if (req.method === "PUT") {
      const etag = await receive(req, objectPath(key), payloadHash);
      res.writeHead(200, { ETag: etag }).end();
    } else if (req.method === "GET" || req.method === "HEAD") {
      const info = await stat(objectPath(key)).catch(() => null);
      if (!info) throw new S3Failure(404, "NoSuchKey");
      res.writeHead(200, {
        "Content-Length": info.size,
        "Content-Type": "application/octet-stream",
      });
      if (req.method === "HEAD") res.end();
      else await pipeline(createReadStream(objectPath(key)), res);
    } else if (req.method === "DELETE") {
      await rm(objectPath(key), { force: true });
      res.writeHead(204).end();
    } else {
      throw new S3Failure(405, "MethodNotAllowed");
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const failure = error instanceof S3Failure ? error : new S3Failure(500, "InternalError");
      req.resume();
      if (res.headersSent) return void res.destroy();
      res.writeHead(failure.status, { "Content-Type": "application/xml", Connection: "close" });
      res.end(req.method === "HEAD" ? undefined : `<Error><Code>${failure.code}</Code></Error>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    ...config,
    operations,
    async objectKeys() {
      const names = await readdir(objectsDir);
      return names
        .filter((n) => !n.includes(".part-"))
        .map(decodeURIComponent)
        .sort();
    },
    readObject: (key) => readFile(objectPath(key)),
    pendingUploads: async () => (await readdir(uploadsDir)).length,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

// `tsx scripts/lib/s3-test-server.ts` runs one until stopped and prints the S3_* variables that
// point the app (or a test run) at it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startS3TestServer();
  console.log(
    [
      `S3_ENDPOINT=${server.endpoint}`,
      `S3_BUCKET=${server.bucket}`,
      `S3_ACCESS_KEY_ID=${server.accessKeyId}`,
      `S3_SECRET_ACCESS_KEY=${server.secretAccessKey}`,
    ].join("\n"),
  );
  process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
  process.on("SIGINT", () => void server.close().then(() => process.exit(0)));
}
