import {
  createHash,
  createSign,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from "node:crypto";

import { isoCBOR } from "@simplewebauthn/server/helpers";

// A software WebAuthn authenticator for tests: real P-256 keys, real CBOR attestation objects
// ("none" attestation) and real ES256 signatures over authenticator data and the client data
// hash, exactly what a browser hands the relying party. Browser tests use Chromium's virtual
// authenticator instead (e2e/support/passkeys.ts).

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | Buffer | string) => createHash("sha256").update(data).digest();

export interface SoftCredential {
  id: Buffer;
  privateKey: KeyObject;
  counter: number;
}

function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: "jwk" });
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );
}

function authData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const head = Buffer.alloc(37);
  sha256(rpId).copy(head, 0);
  head.writeUInt8(flags, 32);
  head.writeUInt32BE(counter, 33);
  return attested ? Buffer.concat([head, attested]) : head;
}

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** A registration response for `options` (from generateRegistrationOptions) at `origin`. */
export function createCredential(
  options: { challenge: string; rp: { id?: string } },
  origin: string,
  flags = { uv: true },
): { credential: SoftCredential; response: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const id = randomBytes(16);
  const rpId = options.rp.id ?? new URL(origin).hostname;
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(id.length);
  const attested = Buffer.concat([Buffer.alloc(16), idLength, id, Buffer.from(coseKey(publicKey))]);
  const data = authData(rpId, UP | (flags.uv ? UV : 0) | AT, 0, attested);
  const attestationObject = isoCBOR.encode(
    new Map<string, string | Map<string, string> | Uint8Array>([
      ["fmt", "none"],
      ["attStmt", new Map<string, string>()],
      ["authData", new Uint8Array(data)],
    ]),
  );
  return {
    credential: { id, privateKey, counter: 0 },
    response: {
      id: b64url(id),
      rawId: b64url(id),
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientData("webauthn.create", options.challenge, origin)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
    },
  };
}

/**
 * Whether a DER-encoded ECDSA signature has an r or s shorter than 32 bytes, which about one real
 * P-256 signature in 128 has (the verifier must pad it back).
 */
function hasShortInteger(der: Buffer): boolean {
  const rLength = der[3]!;
  const sLength = der[5 + rLength]!;
  const bytes = (length: number, first: number) => (first === 0 ? length - 1 : length);
  return bytes(rLength, der[4]!) < 32 || bytes(sLength, der[6 + rLength]!) < 32;
}

/**
 * An assertion by `credential` for `options` (from generateAuthenticationOptions). With
 * `shortInteger`, it signs again until the signature has a short r or s.
 */
export function assertCredential(
  credential: SoftCredential,
  options: { challenge: string; rpId?: string },
  origin: string,
  {
    counter = credential.counter + 1,
    shortInteger = false,
  }: { counter?: number; shortInteger?: boolean } = {},
): Record<string, unknown> {
  credential.counter = counter;
  const data = authData(options.rpId ?? new URL(origin).hostname, UP | UV, counter);
  const client = clientData("webauthn.get", options.challenge, origin);
  const sign = () =>
    createSign("SHA256")
      .update(Buffer.concat([data, sha256(client)]))
      .sign(credential.privateKey);
  let signature = sign();
  while (shortInteger && !hasShortInteger(signature)) signature = sign();
  return {
    id: b64url(credential.id),
    rawId: b64url(credential.id),
    type: "public-key",
    clientExtensionResults: {},
    response: {
      clientDataJSON: b64url(client),
      authenticatorData: b64url(data),
      signature: b64url(signature),
    },
  };
}
