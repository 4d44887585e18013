import { DRP_ACTIONS, DRP_VERSIONS } from "./exercise";
import { MAX_VALIDITY_MS } from "./protocol";
import { DRP_REASONS, DRP_STATUSES } from "./status";

// The OpenAPI 3.1 description of the Data Rights Protocol endpoints (lib/drp/protocol.ts), served at
// /api/drp/openapi.json. DRP itself is specified in prose (consumer-reports-innovation-lab/
// data-rights-protocol, v0.9); this is the portal's reading of it. openapi.test.ts checks that
// every route under app/api/drp/v1 is here with each method it exports.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const signedBody = (description: string) => ({
  required: true,
  description,
  content: { "text/plain": { schema: ref("SignedMessage") } },
});
const error = (description: string) => ({ description, ...json(ref("Error")) });
const EMPTY_403 = { description: "Refused, with no body (DRP 0.9 §2.05)" };
const BEARER_403 = {
  description:
    "No valid pair-wise token, a signature that does not verify with the token's agent's key, or trust claims naming another agent or business",
};
const RATE_LIMITED = {
  ...error("Too many calls from this address; wait Retry-After seconds"),
  headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } },
};
const OFF = error("DRP is not enabled here (no DRP_BUSINESS_ID), or no request has this id");
const windowMinutes = MAX_VALIDITY_MS / 60_000;
const instant = {
  type: "string",
  description: "ISO 8601 with a UTC offset (the basic form 20210902T152725.403-0700 is also read)",
};

const trustClaims = {
  "agent-id": { type: "string", description: "The agent's id, as registered by a manager" },
  "business-id": { type: "string", description: "This portal's DRP_BUSINESS_ID" },
  "issued-at": { ...instant, description: "Not later than now (60 s of clock skew allowed)" },
  "expires-at": {
    ...instant,
    description: `After now, and at most ${windowMinutes} minutes after issued-at`,
  },
};

const schemas = {
  SignedMessage: {
    type: "string",
    contentEncoding: "base64",
    description:
      "Standard base64 of an Ed25519 signature (64 bytes) followed by the UTF-8 JSON it signs (libsodium combined mode), verified with the agent's registered key",
  },
  AgentRegistration: {
    type: "object",
    description: "The JSON signed for POST /v1/agent/{agent-id}",
    required: ["agent-id", "business-id", "issued-at", "expires-at"],
    properties: trustClaims,
  },
  AgentToken: {
    type: "object",
    required: ["agent-id", "token"],
    properties: {
      "agent-id": { type: "string" },
      token: {
        type: "string",
        description:
          "The pair-wise bearer token: Authorization: Bearer <token> on every later call. A new registration replaces it.",
      },
    },
  },
  DataRightsRequest: {
    type: "object",
    description:
      "The JSON signed for POST /v1/data-rights-request. Identity claims sit at the top level (schema.org/Person, OIDC address). Unknown keys are ignored.",
    required: ["agent-id", "business-id", "issued-at", "expires-at", "drp.version", "exercise"],
    properties: {
      ...trustClaims,
      "drp.version": { enum: [...DRP_VERSIONS] },
      exercise: {
        enum: [...DRP_ACTIONS, "sale:opt_out"],
        description:
          "access* becomes a disclosure of everything held, deletion an erasure of everything, sale:opt-out (or 0.9's sale:opt_out) a stop of provision to every class of third party. sale:opt-in is refused (400).",
      },
      regime: {
        enum: ["ccpa", "voluntary", null],
        description: "ccpa: answered under CCPA (California) and APPI; otherwise voluntary",
      },
      relationships: { type: "array", maxItems: 20, items: { type: "string", maxLength: 100 } },
      status_callback: {
        type: "string",
        format: "uri",
        description: "Where status changes are POSTed (the statusChanged webhook)",
      },
      "agent-request-id": {
        type: "string",
        maxLength: 200,
        description: "The agent's own id: sending it again returns the same request",
      },
      name: { type: "string", description: "Full name, e.g. 'Doe, Jane'" },
      email: { type: "string", format: "email" },
      email_verified: { type: "boolean" },
      phone_number: { type: "string", description: "E.164" },
      phone_number_verified: { type: "boolean" },
      address: {
        description: "OIDC address claim, or one line",
        oneOf: [
          { type: "string" },
          {
            type: "object",
            properties: {
              formatted: { type: "string" },
              street_address: { type: "string" },
              locality: { type: "string" },
              region: { type: "string" },
              postal_code: { type: "string" },
              country: { type: "string" },
            },
          },
        ],
      },
      address_verified: { type: "boolean" },
      power_of_attorney: { type: "string" },
    },
  },
  Revocation: {
    type: "object",
    description:
      "The JSON signed for DELETE /v1/data-rights-request/{request_id}. The trust claims are optional in 0.9; when present they are checked.",
    properties: { reason: { type: "string", maxLength: 2000 }, ...trustClaims },
  },
  ExerciseStatus: {
    type: "object",
    required: ["request_id", "status", "received_at"],
    properties: {
      request_id: { type: "string", format: "uuid" },
      status: {
        enum: [...DRP_STATUSES],
        description:
          "in_progress from receipt until closed; fulfilled (also in part); denied with a reason; revoked",
      },
      reason: { enum: [...DRP_REASONS] },
      received_at: instant,
      expected_by: { ...instant, description: "The legal deadline (moved by an extension)" },
      processing_details: {
        type: "string",
        description: "A fixed sentence on where the request stands; never personal data",
      },
      agent_request_id: { type: "string" },
    },
  },
  Error: {
    type: "object",
    required: ["code", "message"],
    properties: {
      code: { type: "string", description: "The HTTP status, as a string" },
      message: { type: "string" },
      fatal: { type: "boolean", description: "Retrying the same message will not succeed" },
    },
  },
} as const;

const requestIdParam = {
  name: "request_id",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};

export const drpOpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Data Rights Protocol 0.9 (covered business)",
    version: "0.9",
    description: [
      "Authorised agents registered by the organisation's managers (settings → DRP agents) file data rights requests for people over the Consumer Reports Data Rights Protocol.",
      "Every POST and DELETE body is a signed message (text/plain, see SignedMessage). A request lands in the staff queue as an appointed-agent request with channel DRP and follows the portal's lifecycle, deadlines and audit.",
      "The same signed body, or the same agent-request-id, sent again answers the request it filed; a registration message sent again is refused.",
    ].join(" "),
  },
  servers: [{ url: "/api/drp" }],
  components: {
    securitySchemes: { pairwiseToken: { type: "http", scheme: "bearer" } },
    schemas,
  },
  security: [{ pairwiseToken: [] }],
  paths: {
    "/v1/agent/{agentId}": {
      parameters: [{ name: "agentId", in: "path", required: true, schema: { type: "string" } }],
      post: {
        operationId: "registerAgent",
        summary: "Pair-wise setup: a token for a message signed with the agent's key (§2.05)",
        security: [],
        requestBody: signedBody("Signed AgentRegistration"),
        responses: {
          "200": { description: "The token", ...json(ref("AgentToken")) },
          "403": EMPTY_403,
          "404": OFF,
          "429": RATE_LIMITED,
        },
      },
      get: {
        operationId: "agentInformation",
        summary: "Whether the token is still good (§2.06)",
        responses: {
          "200": { description: "Good", ...json({ type: "object", maxProperties: 0 }) },
          "403": { description: "The token is not this agent's, revoked or unknown" },
          "404": OFF,
          "429": RATE_LIMITED,
        },
      },
    },
    "/v1/data-rights-request": {
      post: {
        operationId: "fileDataRightsRequest",
        summary:
          "File a request (§2.01); 0.9's trailing-slash form is redirected here with 308 (method and body kept)",
        requestBody: signedBody("Signed DataRightsRequest"),
        responses: {
          "200": { description: "Received", ...json(ref("ExerciseStatus")) },
          "400": error(
            "Not a signed message, expired, unsupported drp.version, exercise or regime, no name or email, or a bad status_callback (fatal)",
          ),
          "403": BEARER_403,
          "404": OFF,
          "413": error("The body is larger than 64 KiB"),
          "429": RATE_LIMITED,
        },
      },
    },
    "/v1/data-rights-request/{requestId}": {
      parameters: [{ ...requestIdParam, name: "requestId" }],
      get: {
        operationId: "dataRightsRequestStatus",
        summary: "The request's status, to the agent that filed it (§2.02)",
        responses: {
          "200": { description: "Its status", ...json(ref("ExerciseStatus")) },
          "403": { description: "Another agent's request, or no valid token" },
          "404": OFF,
          "429": RATE_LIMITED,
        },
      },
      delete: {
        operationId: "revokeDataRightsRequest",
        summary: "The person revokes the request through their agent (§2.04)",
        requestBody: signedBody("Signed Revocation"),
        responses: {
          "200": {
            description: "Revoked (again: the same answer)",
            ...json(ref("ExerciseStatus")),
          },
          "400": error("Not a signed message, expired, or a reason that is not a short string"),
          "403": BEARER_403,
          "404": OFF,
          "409": error("The request is already closed (fulfilled or denied), fatal"),
          "429": RATE_LIMITED,
        },
      },
    },
  },
  webhooks: {
    statusChanged: {
      post: {
        summary:
          "POSTed to the request's status_callback when its status or expected_by changes (§2.03); the latest status, retried with backoff until 2xx; unsigned, as DRP 0.9 defines no callback authentication, and without personal data",
        security: [],
        requestBody: { required: true, ...json(ref("ExerciseStatus")) },
        responses: { "200": { description: "Received" } },
      },
    },
  },
} as const;
