import { describe, expect, it, vi } from "vitest";

import { pagedBody } from "./paged-body";

// The streamed download's failure modes: a first page that fails rejects before any byte (so the
// route can answer with an error status), a later page that fails errors the stream (so the HTTP
// transfer is aborted, not ended), and an export that works writes head, pages and tail.

async function* pagesOf(pages: string[][], failAt?: number) {
  for (const [i, page] of pages.entries()) {
    if (i === failAt) throw new TypeError("Cannot read properties of null (reading 'map')");
    yield page;
  }
}

const render = (page: string[]) => page.map((line) => `${line}\r\n`).join("");

async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = new Uint8Array(await new Response(body).arrayBuffer());
  // Keep the byte-order mark: it is part of what the route sends.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

describe("pagedBody", () => {
  it("writes the head, every page and the tail", async () => {
    const body = await pagedBody({
      pages: pagesOf([["a", "b"], ["c"]]),
      head: "\uFEFFh\r\n",
      render,
      tail: "end",
    });
    expect(await readAll(body)).toBe("\uFEFFh\r\na\r\nb\r\nc\r\nend");
  });

  it("writes the head and tail alone when there are no pages", async () => {
    const body = await pagedBody({ pages: pagesOf([]), head: "h\r\n", render, tail: "]" });
    expect(await readAll(body)).toBe("h\r\n]");
  });

  it("rejects before any byte when the first page fails", async () => {
    const onError = vi.fn();
    await expect(
      pagedBody({ pages: pagesOf([["a"]], 0), head: "h\r\n", render, onError }),
    ).rejects.toThrow("reading 'map'");
    // The caller answers with its own error response; onError is for failures after the start.
    expect(onError).not.toHaveBeenCalled();
  });

  it("rejects before any byte when the first page cannot be rendered, and closes the pages", async () => {
    let closed = false;
    async function* pages() {
      try {
        yield ["a"];
        yield ["b"];
      } finally {
        closed = true;
      }
    }
    await expect(
      pagedBody({
        pages: pages(),
        head: "h\r\n",
        render: () => {
          throw new Error("render failed");
        },
      }),
    ).rejects.toThrow("render failed");
    expect(closed).toBe(true);
  });

  it("errors the stream, after what was sent, when a later page fails", async () => {
    const onError = vi.fn();
    const body = await pagedBody({
      pages: pagesOf([["a"], ["b"], ["c"]], 2),
      head: "h\r\n",
      render,
      tail: "end",
      onError,
    });
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const failure = await (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return null;
          received += decoder.decode(value);
        }
      } catch (error) {
        return error;
      }
    })();
    expect(received).toBe("h\r\na\r\nb\r\n");
    expect(failure).toBeInstanceOf(TypeError);
    expect(onError).toHaveBeenCalledOnce();
  });

  it("closes the pages when the client goes away", async () => {
    let closed = false;
    async function* pages() {
      try {
        for (let i = 0; ; i += 1) yield [String(i)];
      } finally {
        closed = true;
      }
    }
    const body = await pagedBody({ pages: pages(), head: "h\r\n", render });
    const reader = body.getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });
});
