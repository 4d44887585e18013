import type { Translate } from "@/lib/i18n/translate";

// What a request filed over the Data Rights Protocol carries about its agent and the identity the
// agent attests (lib/drp stores it in Request.agentDetails.drp). The JSON came from outside, so
// each value is read for its type, never trusted for it.

type Claims = {
  name?: string;
  email?: string;
  emailVerified?: boolean;
  phone?: string;
  phoneVerified?: boolean;
  address?: string;
  addressVerified?: boolean;
  powerOfAttorney?: string;
};

export type DrpDetails = {
  agentId: string;
  agentName: string;
  identityAssuranceUrl: string | null;
  exercise: string;
  regime: string | null;
  relationships: string[];
  claims: Claims;
};

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);
const flag = (value: unknown) => (typeof value === "boolean" ? value : undefined);

/** Only an https address becomes a link (the agent's registration requires one). */
function httpsUrl(value: unknown): string | null {
  const candidate = text(value);
  if (!candidate) return null;
  try {
    return new URL(candidate).protocol === "https:" ? candidate : null;
  } catch {
    return null;
  }
}

/** The DRP part of a request's agentDetails, or null when the request did not come over DRP. */
export function readDrpDetails(details: unknown): DrpDetails | null {
  if (!details || typeof details !== "object") return null;
  const drp = (details as { drp?: unknown }).drp;
  if (!drp || typeof drp !== "object") return null;
  const d = drp as Record<string, unknown>;
  const c = (d.claims && typeof d.claims === "object" ? d.claims : {}) as Record<string, unknown>;
  return {
    agentId: text(d.agentId) ?? "",
    agentName: text(d.agentName) ?? "",
    identityAssuranceUrl: httpsUrl(d.identityAssuranceUrl),
    exercise: text(d.exercise) ?? "",
    regime: text(d.regime) ?? null,
    relationships: Array.isArray(d.relationships)
      ? d.relationships.filter((r): r is string => typeof r === "string" && r.trim() !== "")
      : [],
    claims: {
      name: text(c.name),
      email: text(c.email),
      emailVerified: flag(c.email_verified),
      phone: text(c.phone_number),
      phoneVerified: flag(c.phone_number_verified),
      address: text(c.address),
      addressVerified: flag(c.address_verified),
      powerOfAttorney: text(c.power_of_attorney),
    },
  };
}

function Attested(props: { value?: string; verified?: boolean; t: Translate; testId: string }) {
  const { value, verified, t } = props;
  if (!value) return <dd data-testid={props.testId}>{t("drp.staff.notGiven")}</dd>;
  return (
    <dd className="break-anywhere" data-testid={props.testId}>
      {value}{" "}
      <span className="badge" data-verified={verified ? "true" : "false"}>
        {verified ? t("drp.staff.verified") : t("drp.staff.notVerified")}
      </span>
    </dd>
  );
}

/**
 * For staff: the authorised agent that filed the request over DRP, the right it exercised, and
 * which of the person's identity claims it attests it verified, so that identity can be decided
 * on that attestation (or documents asked for).
 */
export function DrpAgentPanel({ drp, t }: { drp: DrpDetails; t: Translate }) {
  const { claims } = drp;
  return (
    <section className="panel" aria-labelledby="drp-agent-title" data-testid="drp-agent">
      <h2 id="drp-agent-title">{t("drp.staff.title")}</h2>
      <dl className="facts">
        <dt>{t("drp.staff.agent")}</dt>
        <dd className="break-anywhere" data-testid="drp-agent-name">
          {t("drp.staff.agentName", { name: drp.agentName, agentId: drp.agentId })}
        </dd>
        <dt>{t("drp.staff.identityAssurance")}</dt>
        <dd>
          {drp.identityAssuranceUrl ? (
            <a href={drp.identityAssuranceUrl} rel="noopener noreferrer" target="_blank">
              {t("drp.staff.identityAssuranceLink")}
            </a>
          ) : (
            t("drp.staff.none")
          )}
        </dd>
        <dt>{t("drp.staff.exercise")}</dt>
        <dd>
          <code>{drp.exercise}</code>
        </dd>
        <dt>{t("drp.staff.regime")}</dt>
        <dd>{drp.regime ? <code>{drp.regime}</code> : t("drp.staff.none")}</dd>
        <dt>{t("drp.staff.relationships")}</dt>
        <dd>{drp.relationships.length > 0 ? drp.relationships.join(", ") : t("drp.staff.none")}</dd>
      </dl>
      <h3>{t("drp.staff.claimsTitle")}</h3>
      <dl className="facts" data-testid="drp-claims">
        <dt>{t("drp.staff.claim.name")}</dt>
        <dd className="break-anywhere">{claims.name ?? t("drp.staff.notGiven")}</dd>
        <dt>{t("drp.staff.claim.email")}</dt>
        <Attested value={claims.email} verified={claims.emailVerified} t={t} testId="drp-email" />
        <dt>{t("drp.staff.claim.phone")}</dt>
        <Attested value={claims.phone} verified={claims.phoneVerified} t={t} testId="drp-phone" />
        <dt>{t("drp.staff.claim.address")}</dt>
        <Attested
          value={claims.address}
          verified={claims.addressVerified}
          t={t}
          testId="drp-address"
        />
        <dt>{t("drp.staff.claim.powerOfAttorney")}</dt>
        <dd className="break-anywhere" data-testid="drp-power-of-attorney">
          {claims.powerOfAttorney ?? t("drp.staff.notGiven")}
        </dd>
      </dl>
      <p className="help">{t("drp.staff.help")}</p>
    </section>
  );
}
