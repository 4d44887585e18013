import type { RequestType } from "@/lib/generated/prisma/enums";
import {
  RESIDENCE_COUNTRIES,
  type Residence,
  type ResidenceCountry,
} from "@/lib/requests/jurisdiction";
import { STOPPABLE_RECIPIENT_CLASSES } from "@/lib/requests/vocabulary";

// What a DRP data rights request asks (0.9 §2.01, §3.01, §3.04), read from the signed JSON, and
// the portal request it becomes. DRP's actions map onto the APPI request types: access is a
// disclosure of everything held, deletion an erasure of everything, sale:opt-out a stop of
// provision to every class of third party. sale:opt-in has no counterpart (nothing is stopped that
// could be resumed by a request) and is refused as unsupported.

export const DRP_ACTIONS = [
  "access",
  "access:categories",
  "access:specific",
  "deletion",
  "sale:opt-out",
] as const;
export type DrpAction = (typeof DRP_ACTIONS)[number];

/** 0.9's rights table writes sale:opt_out, its example and 1.0 sale:opt-out: both are read. */
const ACTION_SPELLINGS: Record<string, DrpAction> = {
  access: "access",
  "access:categories": "access:categories",
  "access:specific": "access:specific",
  deletion: "deletion",
  "sale:opt-out": "sale:opt-out",
  "sale:opt_out": "sale:opt-out",
};

export const DRP_VERSIONS = ["0.9", "0.9.1", "0.9.2", "0.9.3", "0.9.4", "1.0"] as const;

export interface DrpClaims {
  name?: string;
  email?: string;
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
  address?: string;
  address_verified?: boolean;
  power_of_attorney?: string;
}

export interface DrpExercise {
  action: DrpAction;
  regime: "ccpa" | "voluntary" | null;
  relationships: string[];
  statusCallback: string | null;
  claims: DrpClaims;
  person: { familyName: string; givenName: string };
  residence: Residence;
}

type Read = { ok: true; exercise: DrpExercise } | { ok: false; message: string };

const text = (value: unknown, max: number) =>
  typeof value === "string" && value.trim() !== "" && value.length <= max
    ? value.trim()
    : undefined;
const flag = (value: unknown) => (typeof value === "boolean" ? value : undefined);

/** OIDC's address claim (an object) or a plain string, as one line. */
function addressLine(value: unknown): { line?: string; country?: string } {
  if (typeof value === "string") return { line: text(value, 500) };
  if (!value || typeof value !== "object") return {};
  const a = value as Record<string, unknown>;
  const formatted = text(a.formatted, 500);
  const parts = [a.street_address, a.locality, a.region, a.postal_code, a.country]
    .map((part) => text(part, 200))
    .filter(Boolean);
  return {
    line: formatted ?? (parts.length ? parts.join(", ").slice(0, 500) : undefined),
    country: text(a.country, 2)?.toUpperCase(),
  };
}

/** "Doe, Jane" (how agents send it) or "Jane Doe": family and given name for the subject record. */
function splitName(name: string | undefined, email: string | undefined) {
  if (name?.includes(",")) {
    const [family = "", ...given] = name.split(",");
    return {
      familyName: family.trim().slice(0, 50),
      givenName: given.join(",").trim().slice(0, 50),
    };
  }
  if (name) {
    const words = name.split(/\s+/);
    const family = words.length > 1 ? words.pop()! : name;
    return { familyName: family.slice(0, 50), givenName: words.join(" ").slice(0, 50) };
  }
  return { familyName: (email ?? "").slice(0, 50), givenName: "" };
}

export function readExercise(claims: Record<string, unknown>): Read {
  const version = claims["drp.version"];
  if (typeof version !== "string" || !(DRP_VERSIONS as readonly string[]).includes(version))
    return {
      ok: false,
      message: `Unsupported drp.version; supported: ${DRP_VERSIONS.join(", ")}.`,
    };
  const action =
    typeof claims.exercise === "string" ? ACTION_SPELLINGS[claims.exercise] : undefined;
  if (!action) return { ok: false, message: "Unsupported rights actions submitted." };
  const regimeValue = claims.regime;
  if (
    regimeValue !== undefined &&
    regimeValue !== null &&
    regimeValue !== "ccpa" &&
    regimeValue !== "voluntary"
  )
    return { ok: false, message: "Unsupported regime; supported: ccpa, or none (voluntary)." };
  const regime = regimeValue ?? null;

  const relationshipsValue = claims.relationships ?? [];
  if (
    !Array.isArray(relationshipsValue) ||
    relationshipsValue.length > 20 ||
    !relationshipsValue.every((r) => typeof r === "string" && r.length <= 100)
  )
    return { ok: false, message: "relationships must be a list of at most 20 strings." };

  let statusCallback: string | null = null;
  if (claims.status_callback !== undefined && claims.status_callback !== null) {
    const url = text(claims.status_callback, 2000);
    let parsed: URL | null = null;
    try {
      parsed = url ? new URL(url) : null;
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:"))
      return { ok: false, message: "status_callback must be an http(s) URL." };
    statusCallback = parsed.toString();
  }

  const email = text(claims.email, 254);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    return { ok: false, message: "email is not an e-mail address." };
  const address = addressLine(claims.address);
  const identity: DrpClaims = {
    name: text(claims.name, 200),
    email: email?.toLowerCase(),
    email_verified: flag(claims.email_verified),
    phone_number: text(claims.phone_number, 40),
    phone_number_verified: flag(claims.phone_number_verified),
    address: address.line,
    address_verified: flag(claims.address_verified),
    power_of_attorney: text(claims.power_of_attorney, 2000),
  };
  if (!identity.name && !identity.email)
    return { ok: false, message: "The request must name the person: name or email is needed." };
  const claimsKept = Object.fromEntries(
    Object.entries(identity).filter(([, v]) => v !== undefined),
  ) as DrpClaims;

  // CCPA is California's law; a voluntary request is answered under the laws of the person's
  // country where the address gives one, and always under APPI, the business's own.
  const residence: Residence =
    regime === "ccpa" ? { country: "US", region: "CA" } : residenceOf(address.country);
  return {
    ok: true,
    exercise: {
      action,
      regime,
      relationships: relationshipsValue as string[],
      statusCallback,
      claims: claimsKept,
      person: splitName(identity.name, identity.email),
      residence,
    },
  };
}

function residenceOf(country: string | undefined): Residence {
  if (!country) return { country: "OTHER", region: "" };
  if (country === "US") return { country: "US", region: "OTHER" };
  const known = (RESIDENCE_COUNTRIES as readonly string[]).includes(country);
  return { country: (known ? country : "OTHER") as ResidenceCountry, region: "" };
}

const AGENT_NOTE = "Filed by an authorised agent over the Data Rights Protocol.";

/** The portal request type and details a DRP action becomes. */
export function exerciseToRequest(exercise: DrpExercise): {
  type: RequestType;
  details: Record<string, unknown>;
} {
  switch (exercise.action) {
    case "access":
    case "access:categories":
    case "access:specific":
      return {
        type: "DISCLOSURE",
        details: {
          scope: "ALL",
          categoryKeys: [],
          method: "JSON",
          postalAddress: "",
          note: AGENT_NOTE,
        },
      };
    case "deletion":
      return {
        type: "SUSPENSION_ERASURE",
        details: {
          action: "ERASE",
          purposeKeys: [],
          erasureScope: "ALL",
          categoryKeys: [],
          ground: "OTHER",
          groundText: "Deletion asked for through an authorised agent (DRP).",
          // Staff preview the erasure before it runs; the person's agent asked for all of it.
          previewConfirmed: true,
          note: AGENT_NOTE,
        },
      };
    case "sale:opt-out":
      return {
        type: "STOP_PROVISION",
        details: {
          recipientKeys: [],
          recipientClasses: [...STOPPABLE_RECIPIENT_CLASSES],
          ground: "OTHER",
          groundText: "Opt-out of the sale and sharing of personal information (DRP sale:opt-out).",
          note: AGENT_NOTE,
        },
      };
  }
}
