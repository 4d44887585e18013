import { describe, expect, it } from "vitest";

import { clientAddress, parseTrustedProxies } from "./client-address";
import { PEER_HEADER } from "./peer";

const request = (peer: string | null, forwarded?: string) =>
  new Headers({
    ...(peer ? { [PEER_HEADER]: peer } : {}),
    ...(forwarded ? { "x-forwarded-for": forwarded } : {}),
  });

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever the headers claim", () => {
    expect(clientAddress(request("203.0.113.7", "127.0.0.1, 10.0.0.1"), null)).toBe("203.0.113.7");
    expect(clientAddress(request("::ffff:198.51.100.2"), null)).toBe("198.51.100.2");
    // No stamp: unknown, never taken from a header.
    expect(clientAddress(request(null, "203.0.113.7"), null)).toBeNull();
  });

  it("walks X-Forwarded-For from the right across the trusted proxies only", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.0.2.7");
    // client → 192.0.2.7 (edge) → 10.1.2.3 (ingress) → app
    expect(clientAddress(request("10.1.2.3", "203.0.113.50, 192.0.2.7"), trusted)).toBe(
      "203.0.113.50",
    );
    // A client writing its own header only adds entries to the left: they are never reached.
    expect(
      clientAddress(request("10.1.2.3", "127.0.0.1, 1.2.3.4, 203.0.113.50, 192.0.2.7"), trusted),
    ).toBe("203.0.113.50");
    // Each new spoofed value from the same client still lands on the same address.
    for (const spoof of ["9.9.9.9", "8.8.8.8", "1.1.1.1"])
      expect(clientAddress(request("10.1.2.3", `${spoof}, 203.0.113.50`), trusted)).toBe(
        "203.0.113.50",
      );
    // A peer that is not a trusted proxy is the client, its header ignored.
    expect(clientAddress(request("198.51.100.9", "127.0.0.1"), trusted)).toBe("198.51.100.9");
    // Only proxies all the way: the first proxy's own address.
    expect(clientAddress(request("10.1.2.3", "10.9.9.9"), trusted)).toBe("10.9.9.9");
    // Garbage ends the walk at the last trustworthy hop.
    expect(clientAddress(request("10.1.2.3", "not-an-ip"), trusted)).toBe("10.1.2.3");
  });

  it("takes IPv6 proxies and refuses a setting that is not an address", () => {
    const trusted = parseTrustedProxies("fd00::/8");
    expect(clientAddress(request("fd00::1", "2001:db8::5"), trusted)).toBe("2001:db8::5");
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/10\.0\.0\.0\/40/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/proxy\.internal/);
    expect(parseTrustedProxies(" ")).toBeNull();
  });
});
