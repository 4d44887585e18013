import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { isWellFormedArguments, type ReplyField } from "./action-reply";

// The check must agree with React itself: what React's client encoder writes is accepted, and what
// the check accepts, React's server decoder (the one Next.js runs) decodes to an argument list.
// The decoder needs the react-server export condition, so it runs in a child process.

type Part = string | { blob: string };
type Parts = [string, Part][];

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

// Decodes each case as Next.js's action handler does on Node: a text body with decodeReply, a
// multipart body streamed through its busboy into decodeReplyFromBusboy.
const DECODER = `
const { decodeReply, decodeReplyFromBusboy, createTemporaryReferenceSet } = require("next/dist/compiled/react-server-dom-webpack/server.node");
const busboy = require("next/dist/compiled/busboy");
const { Readable } = require("node:stream");
const { pipeline } = require("node:stream/promises");
process.on("unhandledRejection", () => {});
const B = "----check";
function multipart(parts) {
  const chunks = [];
  for (const [name, part] of parts) {
    const file = typeof part === "string" ? "" : '; filename="f.bin"\\r\\nContent-Type: application/octet-stream';
    chunks.push(Buffer.from("--" + B + '\\r\\nContent-Disposition: form-data; name="' + name + '"' + file + "\\r\\n\\r\\n"));
    chunks.push(Buffer.from(typeof part === "string" ? part : part.blob), Buffer.from("\\r\\n"));
  }
  chunks.push(Buffer.from("--" + B + "--\\r\\n"));
  return Buffer.concat(chunks);
}
async function decode(parts) {
  const temporaryReferences = createTemporaryReferenceSet();
  if (parts.length === 1 && parts[0][0] === "0" && typeof parts[0][1] === "string")
    return decodeReply(parts[0][1], {}, { temporaryReferences });
  const bb = busboy({ defParamCharset: "utf8", headers: { "content-type": "multipart/form-data; boundary=" + B }, limits: { fieldSize: 12582912 } });
  const [, args] = await Promise.all([pipeline(Readable.from([multipart(parts)]), bb), decodeReplyFromBusboy(bb, {}, { temporaryReferences })]);
  return args;
}
let input = "";
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", async () => {
  const out = [];
  for (const parts of JSON.parse(input)) {
    try {
      const value = await Promise.race([decode(parts), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
      out.push(Array.isArray(value) ? "ok" : "not an array");
    } catch (error) {
      out.push(String(error && error.message));
    }
  }
  process.stdout.write(JSON.stringify(out));
});`;

function decodeWithReact(cases: Parts[]): string[] {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "-e", DECODER], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[];
}

// As the proxy reads them: a lone text row whole, multipart parts in order and each name once.
function check(parts: Parts): boolean {
  const text = parts.length === 1 && parts[0]![0] === "0" && typeof parts[0]![1] === "string";
  const names = parts.map(([name]) => name);
  const field = (name: string): ReplyField | null => {
    const at = names.indexOf(name);
    if (at === -1 || names.lastIndexOf(name) !== at) return null;
    const part = parts[at]![1];
    return typeof part === "string" ? part : new Blob([part.blob]);
  };
  return isWellFormedArguments({
    get: field,
    position: text ? undefined : (name) => (names.includes(name) ? names.indexOf(name) : undefined),
    prefix: "",
    temporaryReferences: true,
  });
}

async function encode(args: unknown[]): Promise<Parts> {
  const body = await encodeReply(args);
  if (typeof body === "string") return [["0", body]];
  const parts: Parts = [];
  for (const [name, value] of body.entries())
    parts.push([name, typeof value === "string" ? value : { blob: await value.text() }]);
  return parts;
}

const text = (body: string): Parts => [["0", body]];

describe("server action replies", () => {
  it("accepts what React's client writes for the app's actions", async () => {
    const form = new FormData();
    form.append("reference", "R-2026-0001");
    form.append("files", new File(["%PDF"], "scan.pdf"));
    const shared = { note: "same object twice" };
    const samples = [
      [{ email: "a@b.jp", locale: "ja" }],
      [form],
      [null, form],
      [{ ok: false, error: "errors.invalidInput" }, form],
      ["$not a reference", undefined, NaN, -0, Infinity, new Date(0), 12n],
      [shared, shared, [shared]],
      [new Map([["k", [1, 2]]]), new Set(["x"])],
      [{ items: ["a".repeat(2_000_000)] }],
      [],
    ];
    const encoded = await Promise.all(samples.map((args) => encode(args)));
    expect(encoded.map(check)).toEqual(encoded.map(() => true));
    expect(decodeWithReact(encoded)).toEqual(encoded.map(() => "ok"));
  });

  it("refuses the bodies that made Next.js answer 500", () => {
    for (const body of [
      "{{{",
      "",
      '"x"',
      "null",
      '{"a":1}',
      '["$1"]',
      '["$Q1"]',
      '["$W1"]',
      '["$B1"]',
      '["$h1"]',
      '["$n1x"]',
      '["$l"]',
      '["$S"]',
      '["$F1"]',
      '["$A1"]',
      '["$i1"]',
      '["$"]',
      '["$zz"]',
      '["$0:nope"]',
      `${"[".repeat(100)}${"]".repeat(100)}`,
      `${"[".repeat(200_000)}${"]".repeat(200_000)}`,
      `[${'{"a":'.repeat(200_000)}1${"}".repeat(200_000)}]`,
      JSON.stringify(["a".repeat(1_000_001), "b"]),
    ])
      expect(check(text(body)), body.slice(0, 40)).toBe(false);
    expect(check([["0", '["$K1"]']])).toBe(true);
    expect(
      check([
        ["0", '["$B1"]'],
        ["1", "not a file"],
      ]),
    ).toBe(false);
    expect(
      check([
        ["1", { blob: "file" }],
        ["0", '["$B1"]'],
      ]),
    ).toBe(true);
    expect(check([["1", "[]"]])).toBe(false);
  });

  it("asks, as the streaming decoder does, for what the root reads at once to come before it", () => {
    const map: Parts = [["1", "[[1,2]]"]];
    const blob: Parts = [["1", { blob: "bytes" }]];
    const cases: [Parts, boolean][] = [
      [[...map, ["0", '["$Q1"]']], true],
      [[["0", '["$Q1"]'], ...map], false],
      [[...blob, ["0", '["$B1"]']], true],
      [[["0", '["$B1"]'], ...blob], false],
      [
        [
          ["0", '["$@1"]'],
          ["1", '{"a":"$2"}'],
          ["2", "[]"],
        ],
        true,
      ],
      [
        [
          ["2", "[]"],
          ["1", '{"a":"$2"}'],
          ["0", '["$1"]'],
        ],
        true,
      ],
      [
        [
          ["1", '{"a":"$2"}'],
          ["0", '["$1"]'],
          ["2", "[]"],
        ],
        false,
      ],
      [
        [
          ["0", "[]"],
          ["0", "[1]"],
        ],
        false,
      ],
    ];
    expect(cases.map(([parts]) => check(parts))).toEqual(cases.map(([, ok]) => ok));
    const verdicts = decodeWithReact(cases.map(([parts]) => parts));
    cases.forEach(([parts, ok], i) => {
      if (ok) expect(verdicts[i], JSON.stringify(parts)).toBe("ok");
    });
    expect(verdicts[1]).toMatch(/forward reference/);
  });

  it("never accepts a reply React's decoder refuses", () => {
    const token = fc.oneof(
      fc.constantFrom(
        "$$x",
        "$undefined",
        "$NaN",
        "$Infinity",
        "$-Infinity",
        "$-0",
        "$D2026-01-01",
        "$Dnope",
        "$n12",
        "$n-3",
        "$nx",
        "$T",
        "$K1",
        "$K",
        "$B1",
        "$B2",
        "$@1",
        "$@2",
        "$@9",
        "$Q1",
        "$W1",
        "$i1",
        "$1",
        "$2",
        "$9",
        "$0",
        "$0:0",
        "$1:0",
        "$1:a",
        "$1:a:b",
        "$2:0:0",
        "$h1",
        "$A1",
        "$R1",
        "$X1",
        "$S",
        "$",
        "$zz",
        "$F1",
        "$H",
        "plain",
      ),
      fc.string({ maxLength: 6 }).map((s) => `$${s}`),
    );
    const value = fc.letrec<{ json: unknown }>((tie) => ({
      json: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        token,
        fc.integer(),
        fc.constant(null),
        fc.array(tie("json"), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom("a", "b", "0", "__proto__"), tie("json"), { maxKeys: 3 }),
      ),
    })).json;
    const row = fc.oneof(
      value.map((v) => JSON.stringify(v) as Part),
      fc.constantFrom<Part>("{{{", "", '"$1"', { blob: "bytes" }),
    );
    const reply = fc
      .tuple(fc.array(value, { maxLength: 4 }), fc.option(row), fc.option(row), fc.option(row))
      .map(([root, one, two, nine]) => {
        const parts: Parts = [["0", JSON.stringify(root)]];
        if (one !== null) parts.push(["1", one]);
        if (two !== null) parts.push(["2", two]);
        if (nine !== null) parts.push(["9", nine]);
        if (one !== null) parts.push(["_1_field", "value"]);
        return parts;
      })
      // Next.js decodes multipart bodies as they stream in, so the order of the parts matters.
      .chain((parts) =>
        fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }),
      );
    const cases = fc.sample(reply, { numRuns: 3000, seed: 20261205 });
    const accepted = cases.filter(check);
    expect(accepted.length).toBeGreaterThan(300);
    const verdicts = decodeWithReact(accepted);
    const disagreements = accepted
      .map((parts, i) => ({ parts, verdict: verdicts[i] }))
      .filter(({ verdict }) => verdict !== "ok");
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
