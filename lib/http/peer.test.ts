import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fromThisMachine, isLoopback, PEER_HEADER, stampPeerAddresses } from "./peer";

describe("the peer address", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    stampPeerAddresses();
    stampPeerAddresses(); // twice is once
    server = http.createServer((req, res) => res.end(String(req.headers[PEER_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it("is the socket's, whatever the client claims", async () => {
    const body = await (
      await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_HEADER]: "203.0.113.9", "X-Forwarded-For": "203.0.113.9" },
      })
    ).text();
    expect(body).toBe("127.0.0.1");
  });

  it("counts loopback addresses only, in every spelling, and never a missing one", () => {
    for (const local of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
      expect(isLoopback(local), local).toBe(true);
    for (const remote of ["10.0.0.1", "192.0.2.2", "::ffff:10.0.0.1", "fe80::1", "", "1270.0.0.1"])
      expect(isLoopback(remote), remote).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
    expect(fromThisMachine(new Headers())).toBe(false);
    expect(fromThisMachine(new Headers({ [PEER_HEADER]: "::1" }))).toBe(true);
  });
});
