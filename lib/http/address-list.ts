import { BlockList, isIP } from "node:net";

// A list of addresses and CIDRs an operator writes in a setting ("10.0.0.0/8, 192.0.2.7,
// fd00::/8"): TRUSTED_PROXIES, OUTBOUND_ALLOW.

export type AddressList = BlockList | null;

/** Parses the list; null when empty; throws naming the entry that is not an address or CIDR. */
export function parseAddressList(value: string | undefined): AddressList {
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new Error(`not an address or CIDR: ${entry}`);
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}
