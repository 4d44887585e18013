import { describe, expect, it } from "vitest";

import { checkActionRequest } from "./check-action-request";
import { SERVER_ACTION_BODY_LIMIT } from "./server-action-limit";

const URL_ = "http://portal.example:3000/ja/sign-in";
const ACTION = "40ab8135f5e00cc2b77f30e44ef37334c08356daa4";

function post(
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  options: { length?: boolean } = {},
): Request {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return new Request(URL_, {
    method: "POST",
    body: bytes,
    headers: {
      host: "portal.example:3000",
      ...(options.length === false ? {} : { "content-length": String(bytes.byteLength) }),
      ...headers,
    },
  });
}

const action = (body: string, headers: Record<string, string> = {}) =>
  post(body, {
    "next-action": ACTION,
    "content-type": "text/plain;charset=UTF-8",
    origin: "http://portal.example:3000",
    ...headers,
  });

async function multipart(form: FormData, headers: Record<string, string>): Promise<Request> {
  const encoded = new Request(URL_, { method: "POST", body: form });
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  return post(bytes, { "content-type": encoded.headers.get("content-type")!, ...headers });
}

const statusOf = async (request: Request) => (await checkActionRequest(request))?.status ?? null;

describe("server-action request hygiene", () => {
  it("passes well-formed calls from the site itself, and requests that are no actions", async () => {
    expect(await statusOf(action('[{"email":"a@b.jp","locale":"ja"}]'))).toBeNull();
    expect(await statusOf(action("[]", { origin: "" }))).toBe(403);
    // No Origin at all: a request not made by a browser, which Next.js lets through too.
    expect(
      await statusOf(post("[]", { "next-action": ACTION, "content-type": "text/plain" })),
    ).toBeNull();
    expect(await statusOf(new Request(URL_))).toBeNull();
    expect(
      await statusOf(post("x=1", { "content-type": "application/x-www-form-urlencoded" })),
    ).toBeNull();
    expect(await statusOf(post("{{{", { "content-type": "text/plain" }))).toBeNull();
  });

  it("refuses a foreign or opaque origin with 403, as Next.js compares it", async () => {
    expect(await statusOf(action("[]", { origin: "https://evil.example" }))).toBe(403);
    expect(await statusOf(action("[]", { origin: "null" }))).toBe(403);
    expect(await statusOf(action("[]", { origin: "::::" }))).toBe(403);
    expect(await statusOf(action("[]", { origin: "http://portal.example:3001" }))).toBe(403);
    // Behind a reverse proxy the forwarded host is the one the browser saw.
    const forwarded = {
      origin: "https://privacy.example.jp",
      "x-forwarded-host": "privacy.example.jp, lb",
    };
    expect(await statusOf(action("[]", forwarded))).toBeNull();
    expect(await statusOf(action("[]", { "next-action": "" }))).toBeNull();
    expect(
      await statusOf(action("[]", { "next-action": "", origin: "https://evil.example" })),
    ).toBe(403);
  });

  it("asks for a length (411) and refuses bodies past the action limit (413)", async () => {
    const chunked = post(
      "[]",
      { "next-action": ACTION, "content-type": "text/plain" },
      { length: false },
    );
    expect(await statusOf(chunked)).toBe(411);
    // Next.js forwards an action between its workers with a streamed body.
    const forwarded = post(
      "[]",
      { "next-action": ACTION, "content-type": "text/plain", "x-action-forwarded": "1" },
      { length: false },
    );
    expect(await statusOf(forwarded)).toBeNull();
    const big = action("[]", { "content-length": String(SERVER_ACTION_BODY_LIMIT + 1) });
    expect(await statusOf(big)).toBe(413);
  });

  it("refuses bodies the decoder cannot read with 400", async () => {
    for (const body of ["{{{", '{"a":1}', '["$1"]', '["$Q1"]', ""])
      expect(await statusOf(action(body)), body).toBe(400);
    const broken = post("garbage--xyz", {
      "next-action": ACTION,
      "content-type": "multipart/form-data; boundary=xyz",
    });
    expect(await statusOf(broken)).toBe(400);
    const noBoundary = post("x", { "next-action": ACTION, "content-type": "multipart/form-data" });
    expect(await statusOf(noBoundary)).toBe(400);
  });

  it("reads multipart calls and forms posted without JavaScript", async () => {
    const call = new FormData();
    call.append("0", '["$K1"]');
    call.append("_1_note", "done");
    call.append("_1_files", new File(["%PDF"], "scan.pdf"));
    expect(await statusOf(await multipart(call, { "next-action": ACTION }))).toBeNull();
    const rootless = new FormData();
    rootless.append("_1_note", "done");
    expect(await statusOf(await multipart(rootless, { "next-action": ACTION }))).toBe(400);

    // A bound action's descriptor ({"id", "bound"}) must decode; an action id alone is Next's.
    const bound = new FormData();
    bound.append("$ACTION_REF_1", "");
    bound.append("$ACTION_1:0", `{"id":"${ACTION}","bound":"$@1"}`);
    bound.append("$ACTION_1:1", '["ja"]');
    expect(await statusOf(await multipart(bound, {}))).toBeNull();
    bound.set("$ACTION_1:0", `{"id":"${ACTION}",`);
    expect(await statusOf(await multipart(bound, {}))).toBe(400);
    bound.set("$ACTION_1:0", `{"id":"${ACTION}","bound":"$@2"}`);
    expect(await statusOf(await multipart(bound, {}))).toBe(400);
    const plain = new FormData();
    plain.append(`$ACTION_ID_${ACTION}`, "");
    expect(await statusOf(await multipart(plain, { origin: "https://evil.example" }))).toBe(403);
  });
});
