import { createHmac, hkdfSync } from "node:crypto";

// The EMAIL connector's link token, `<taskId>.<HMAC>`, under a key derived from the master key,
// over the task and the moment it was mailed (see ./index.ts). Pure: no settings, no database,
// so the tour (e2e/tour.spec.ts) can make a link for a task it inserted.

const linkKey = (masterKey: Buffer) =>
  Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "email-connector-link", 32));

/** The token of the link to task `taskId` mailed at `mailedAt`. */
export function signTaskLink(masterKey: Buffer, taskId: string, mailedAt: Date): string {
  const signature = createHmac("sha256", linkKey(masterKey))
    .update(`${taskId}.${mailedAt.toISOString()}`)
    .digest("base64url");
  return `${taskId}.${signature}`;
}
