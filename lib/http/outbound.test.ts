import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  guardedLookup,
  mayConnect,
  OutboundRefused,
  OutboundTooLarge,
  outboundRequest,
  parseOutboundAllow,
} from "./outbound";

// The outbound rules against every class of address, and a real server on this machine standing
// in for "the inside": reached only when the operator allows it.

let server: http.Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits += 1;
    if (req.url === "/redirect") {
      res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" });
      return res.end();
    }
    if (req.url === "/big") return res.end("x".repeat(5000));
    if (req.url === "/slow") return setTimeout(() => res.end("late"), 2000);
    res.end("inside");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

const call = (url: string, allow = parseOutboundAllow(undefined), extra = {}) =>
  outboundRequest(url, { method: "GET", timeoutMs: 1000, maxBytes: 1000, allow, ...extra });

describe("outbound requests", () => {
  it("refuse every address class that is not public", () => {
    const refused = [
      "127.0.0.1",
      "127.1.2.3",
      "0.0.0.0",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "100.64.0.1",
      "169.254.169.254",
      "198.18.0.1",
      "192.0.2.2",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fd00:ec2::254",
      "fc00::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::7f00:1",
    ];
    for (const address of refused) expect(mayConnect(address, null), address).toBe(false);
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
      expect(mayConnect(address, null), address).toBe(true);
    expect(mayConnect("not-an-address", null)).toBe(false);
  });

  it("allow exactly what the operator names", () => {
    const allow = parseOutboundAllow("10.20.0.0/16, 127.0.0.1");
    expect(mayConnect("10.20.3.4", allow)).toBe(true);
    expect(mayConnect("10.21.3.4", allow)).toBe(false);
    expect(mayConnect("::ffff:127.0.0.1", allow)).toBe(true);
    expect(mayConnect("169.254.169.254", allow)).toBe(false);
  });

  it("never reach this machine by address, by name or in IPv6 disguise", async () => {
    const before = hits;
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://localhost:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `https://127.0.0.1:${port}/`,
      "https://169.254.169.254/latest/meta-data/",
      "http://[fd00:ec2::254]/",
    ])
      await expect(call(url), url).rejects.toBeInstanceOf(OutboundRefused);
    expect(hits).toBe(before);
  });

  it("check the address the socket connects to, after the name is resolved", async () => {
    const lookup = guardedLookup(null);
    const resolved = await new Promise<Error | null>((resolve) =>
      lookup("localhost", { family: 0 }, (error) => resolve(error)),
    );
    expect(resolved).toBeInstanceOf(OutboundRefused);
  });

  it("reach an allowed system, follow no redirect, and cap size and time", async () => {
    const allow = parseOutboundAllow("127.0.0.1");
    expect((await call(`http://127.0.0.1:${port}/`, allow)).body).toBe("inside");
    expect(
      (await call(`http://localhost:${port}/`, parseOutboundAllow("127.0.0.1, ::1"))).body,
    ).toBe("inside");
    const redirect = await call(`http://127.0.0.1:${port}/redirect`, allow);
    expect(redirect.status).toBe(302);
    await expect(call(`http://127.0.0.1:${port}/big`, allow)).rejects.toBeInstanceOf(
      OutboundTooLarge,
    );
    await expect(
      call(`http://127.0.0.1:${port}/slow`, allow, { timeoutMs: 200 }),
    ).rejects.toMatchObject({ name: expect.stringMatching(/TimeoutError|AbortError/) as string });
  });
});
