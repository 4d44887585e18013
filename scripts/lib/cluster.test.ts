import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { freePort } from "./free-port";

// The primary of `WEB_CONCURRENCY` (scripts/lib/cluster.ts) with a stand-in server as its
// workers (cluster-fixture.ts): real processes sharing one port, messages over node's IPC.

const root = path.resolve(import.meta.dirname, "..", "..");
const fixture = path.join(import.meta.dirname, "cluster-fixture.ts");

interface Answer {
  pid: number;
  heard: string[][];
}

/** One request on a connection of its own, so the primary hands each to the next worker. */
function ask(port: number, pathname = "/"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: pathname, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(JSON.parse(body) as Answer));
    });
    req.on("error", reject);
    // A connection handed to a process as it ends is never answered.
    req.setTimeout(2_000, () => req.destroy(new Error("no answer")));
  });
}

const running: ChildProcess[] = [];

function start(port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, String(port)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  running.push(child);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited };
}

/** Answers until `n` different processes have answered. */
async function processes(port: number, n: number): Promise<Map<number, Answer>> {
  const seen = new Map<number, Answer>();
  for (let i = 0; i < 200 && seen.size < n; i++) {
    const answer = await ask(port).catch(() => null);
    if (answer) seen.set(answer.pid, answer);
    else await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
});

describe("app processes on one port", () => {
  it("shares the port between its processes and tells every other one of a flush", async () => {
    const port = await freePort();
    start(port);
    const before = await processes(port, 2);
    expect(before.size).toBe(2);
    for (const answer of before.values()) expect(answer.heard).toEqual([]);

    const flusher = await ask(port, "/flush");
    // The flusher itself is not told again; the other process heard it once.
    await expect
      .poll(async () =>
        [...(await processes(port, 2)).values()]
          .map((a) => ({ flusher: a.pid === flusher.pid, heard: a.heard }))
          .sort((a, b) => Number(a.flusher) - Number(b.flusher)),
      )
      .toEqual([
        { flusher: false, heard: [["brand"]] },
        { flusher: true, heard: [] },
      ]);
  });

  it("replaces a process that ends once started, and ends when SIGTERM asks", async () => {
    const port = await freePort();
    const { child, exited } = start(port);
    const first = await processes(port, 2);
    expect(first.size).toBe(2);
    // Past the stand-in's start-up window, a process that ends is replaced.
    await new Promise((r) => setTimeout(r, 2_100));
    const gone = await ask(port, "/exit");
    await expect
      .poll(async () => {
        const now = [...(await processes(port, 2)).keys()];
        return now.length === 2 && !now.includes(gone.pid);
      })
      .toBe(true);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(ask(port)).rejects.toThrow();
  });

  it("ends with the worker's code when its processes fail to start", async () => {
    const port = await freePort();
    const { exited } = start(port, { CLUSTER_FIXTURE_FAIL: "1" });
    expect(await exited).toBe(3);
  });
});
