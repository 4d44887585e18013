import { z } from "@/lib/validation/zod";

// The settings of the Data Rights Protocol's authorised agents (lib/drp/manage), shared by the
// manager's form and the server actions. Error messages are catalogue keys
// (lib/i18n/messages/sections/drp.ts).

const ZId = z.string().min(1).max(64);

// The shape lib/drp/keys.ts parseVerifyKey accepts: 64 hex digits, or base64 (standard or URL-safe)
// of 32 bytes. The schema is also built in the browser (the form's resolver), where node:crypto
// is not there to try the key, so it checks the shape only; the data layer stores the key through
// canonicalVerifyKey, which parses it with node:crypto and refuses it with the same message.
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

export function looksLikeVerifyKey(text: string): boolean {
  const trimmed = text.trim();
  return HEX_KEY.test(trimmed) || BASE64_KEY.test(trimmed);
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** An optional text field: empty (or absent, or null when parsed again on the server) is null. */
const optional = (max: number, valid: (value: string) => boolean, message: string) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .refine((value) => value === "" || valid(value), message)
    .nullish()
    .transform((value) => value || null);

export const ZDrpAgentRegistration = z.object({
  /** The agent's id in the DRP agent directory (e.g. CR_AA_DRP_ID_001). */
  agentId: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(100, "validation.tooLong")
    .regex(/^[A-Za-z0-9_.-]+$/, "drp.errors.agentId"),
  name: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  verifyKey: z
    .string()
    .trim()
    .min(1, "validation.required")
    .refine(looksLikeVerifyKey, "drp.errors.badKey"),
  identityAssuranceUrl: optional(2000, isHttpsUrl, "drp.errors.httpsUrl"),
  technicalContact: optional(
    254,
    (value) => z.email().safeParse(value).success,
    "validation.email",
  ),
});
export type TDrpAgentRegistration = z.infer<typeof ZDrpAgentRegistration>;
export type TDrpAgentRegistrationInput = z.input<typeof ZDrpAgentRegistration>;

export const ZDrpAgentRef = z.object({ id: ZId });
export type TDrpAgentRef = z.infer<typeof ZDrpAgentRef>;
