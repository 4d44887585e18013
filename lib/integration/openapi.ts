import { NOTICE_ELEMENTS } from "@/lib/notice/types";
import { API_SCOPES } from "@/lib/validation/integration";

import { DATA_SOURCES, LEGAL_BASES, MAX_BATCH } from "./wire";

// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Written by hand next to
// the zod schemas it describes (wire.ts); openapi.test.ts checks that every route is in it.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const errorResponse = (description: string) => ({ description, ...json(ref("Error")) });

const ERRORS = {
  "400": errorResponse(
    "The body or a path parameter is malformed (invalid_json, invalid_body, empty_batch, invalid_subject, task_mismatch)",
  ),
  "401": errorResponse("No valid key (unauthenticated) or a revoked key (revoked)"),
  "403": errorResponse("The key lacks this endpoint's scope (missing_scope)"),
  "429": {
    ...errorResponse("Too many calls with this key (rate_limited); wait Retry-After seconds"),
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } },
  },
} as const;

const PUSH_ERRORS = {
  ...ERRORS,
  "413": errorResponse(
    `More than ${MAX_BATCH} items (batch_too_large) or a body over the byte limit (payload_too_large)`,
  ),
  "422": errorResponse(
    "Items refused (invalid_items): `items` names each by index; nothing from the batch is stored",
  ),
};

const externalIdParam = {
  name: "externalId",
  in: "path",
  required: true,
  description: "The subject's id in the calling system (as registered with the portal)",
  schema: { type: "string", minLength: 1, maxLength: 200 },
};

const mapKey = { type: "string", pattern: "^[A-Za-z0-9_.:-]{1,100}$" };
const instant = { type: "string", format: "date-time" };

/** What every pushed event starts with: its id (idempotency) and its subject. */
const eventHead = {
  eventId: {
    type: "string",
    minLength: 1,
    maxLength: 200,
    description: "The caller's id of the event; a repeat is a duplicate, stored once",
  },
  subject: { type: "string", description: "The subject's id in the calling system" },
};

const localised = {
  type: "object",
  required: ["ja", "en"],
  properties: { ja: { type: "string" }, en: { type: "string" } },
};
const localisedOrNull = { ...localised, type: ["object", "null"] };
const keyedName = (properties: object, required: string[] = []) => ({
  type: "object",
  required: ["key", "name", ...required],
  properties: { key: { type: "string" }, name: localised, ...properties },
});

/** The privacy notice (lib/notice/types.ts): ISO/IEC 29184 elements, both languages. */
const noticeSchemas = {
  Notice: {
    type: "object",
    description:
      "The privacy notice by ISO/IEC 29184 (JIS X 9252) elements, in Japanese and English; keys are the data map's",
    required: [
      "controller",
      "purposes",
      "categories",
      "sources",
      "recipients",
      "retention",
      "rights",
      "rightsHowTo",
      "complaints",
      "changes",
    ],
    properties: {
      controller: {
        type: "object",
        required: ["name", "address", "representative", "email", "phone", "department"],
        properties: {
          name: localised,
          address: localised,
          representative: { type: ["string", "null"] },
          email: { type: ["string", "null"] },
          phone: { type: ["string", "null"] },
          department: localisedOrNull,
        },
      },
      purposes: {
        type: "array",
        items: keyedName(
          {
            description: localisedOrNull,
            categoryKeys: {
              type: "array",
              items: { type: "string" },
              description: "The categories this purpose uses",
            },
            optOut: {
              type: "boolean",
              description: "Advertising a Global Privacy Control signal opts out of",
            },
          },
          ["description", "categoryKeys", "optOut"],
        ),
      },
      categories: {
        type: "array",
        items: keyedName(
          { dataClass: { type: "string", enum: ["ORDINARY", "SENSITIVE", "INFORMATIVE"] } },
          ["dataClass"],
        ),
      },
      sources: {
        type: "array",
        items: {
          type: "object",
          required: ["categoryKey", "sources"],
          properties: {
            categoryKey: { type: "string" },
            sources: { type: "array", items: { type: "string", enum: DATA_SOURCES } },
          },
        },
      },
      recipients: {
        type: "array",
        items: keyedName(
          {
            recipientClass: {
              type: "string",
              enum: ["THIRD_PARTY", "GROUP_COMPANY", "FOREIGN_THIRD_PARTY", "PROCESSOR"],
            },
            country: { type: ["string", "null"], description: "ISO country when abroad" },
            thirdParty: {
              type: "boolean",
              description: "Provision to it is provision to a third party (consent needed)",
            },
          },
          ["recipientClass", "country", "thirdParty"],
        ),
      },
      retention: {
        type: "array",
        items: {
          type: "object",
          required: ["categoryKey", "period"],
          properties: { categoryKey: { type: "string" }, period: localisedOrNull },
        },
      },
      rights: {
        type: "array",
        items: {
          type: "object",
          required: ["requestType", "name"],
          properties: { requestType: { type: "string" }, name: localised },
        },
      },
      rightsHowTo: localised,
      complaints: {
        type: "object",
        required: ["desk", "authorities"],
        properties: {
          desk: localisedOrNull,
          authorities: {
            type: "array",
            items: keyedName({ url: { type: ["string", "null"] } }, ["url"]),
          },
        },
      },
      changes: localised,
      statements: {
        type: "object",
        properties: {
          offlineFiling: localisedOrNull,
          identityDocuments: localisedOrNull,
          securityMeasures: localisedOrNull,
        },
      },
    },
  },
  NoticeChange: {
    type: "object",
    required: ["element", "kind", "key", "name", "fields", "needsConsent"],
    properties: {
      element: { type: "string", enum: [...NOTICE_ELEMENTS, "categories"] },
      kind: { type: "string", enum: ["added", "removed", "changed"] },
      key: { type: ["string", "null"], description: "The item's key; null for a whole text" },
      name: localisedOrNull,
      fields: { type: "array", items: { type: "string" } },
      needsConsent: {
        type: "boolean",
        description: "A new purpose or use of data, or a new third-party provision",
      },
    },
  },
  NoticeVersion: {
    type: "object",
    required: ["version", "publishedAt", "elements", "notice", "hash", "needsConsent", "changes"],
    properties: {
      version: { type: "integer", minimum: 1 },
      publishedAt: instant,
      elements: { type: "array", items: { type: "string", enum: NOTICE_ELEMENTS } },
      notice: ref("Notice"),
      hash: { type: "string", description: "SHA-256 of the notice's canonical JSON" },
      needsConsent: { type: "boolean" },
      changes: {
        type: "array",
        items: ref("NoticeChange"),
        description: "What this version changed since the one before",
      },
    },
  },
};

const schemas = {
  ...noticeSchemas,
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string" },
          message: { type: "string" },
          items: {
            type: "array",
            description: "The refused items of a batch (at most 100)",
            items: {
              type: "object",
              required: ["index", "code", "message"],
              properties: {
                index: { type: "integer", description: "Position in the batch, from 0" },
                code: {
                  type: "string",
                  enum: [
                    "invalid_item",
                    "unknown_subject",
                    "unknown_recipient",
                    "unknown_purpose",
                    "unknown_scene",
                    "unknown_category",
                    "incomplete_recipient_record",
                  ],
                },
                message: { type: "string" },
              },
            },
          },
        },
      },
    },
  },
  ProvisionEvent: {
    type: "object",
    required: [
      "eventId",
      "subject",
      "recipient",
      "purpose",
      "providedAt",
      "items",
      "legalBasis",
      "keepUntil",
    ],
    properties: {
      ...eventHead,
      recipient: { ...mapKey, description: "Recipient key" },
      purpose: { ...mapKey, description: "Purpose key" },
      scene: { type: ["string", "null"], pattern: mapKey.pattern, description: "Scene key" },
      providedAt: instant,
      periodEnd: {
        type: ["string", "null"],
        format: "date-time",
        description: "Last date of a continuous provision",
      },
      items: {
        type: "array",
        minItems: 1,
        maxItems: 100,
        items: mapKey,
        description: "Data category keys provided",
      },
      legalBasis: { type: "string", enum: LEGAL_BASES },
      keepUntil: {
        ...instant,
        description: "Until when the ledger keeps the record (APPI Art.30)",
      },
    },
  },
  ReceiptEvent: {
    type: "object",
    description:
      "Personal data received from a third party (APPI Art.30): the provider, how it obtained the data, when, and which items",
    required: [
      "eventId",
      "subject",
      "provider",
      "acquisitionMethod",
      "receivedAt",
      "items",
      "legalBasis",
      "keepUntil",
    ],
    properties: {
      ...eventHead,
      provider: {
        type: "object",
        required: ["name", "address"],
        properties: {
          name: { type: "string", minLength: 1, maxLength: 200 },
          address: { type: "string", minLength: 1, maxLength: 300 },
          representative: {
            type: ["string", "null"],
            maxLength: 200,
            description: "A corporation's representative; null for an individual",
          },
        },
      },
      acquisitionMethod: {
        type: "string",
        minLength: 1,
        maxLength: 1000,
        description: "How the provider obtained the data, as the organisation confirmed it",
      },
      receivedAt: instant,
      items: {
        type: "array",
        minItems: 1,
        maxItems: 100,
        items: mapKey,
        description: "Data category keys received",
      },
      legalBasis: { type: "string", enum: LEGAL_BASES },
      keepUntil: {
        ...instant,
        description: "Until when the record is kept (PPC Rules Art.25)",
      },
    },
  },
  DataItem: {
    type: "object",
    required: ["eventId", "category", "field", "value", "collectedAt"],
    properties: {
      eventId: { type: "string", minLength: 1, maxLength: 200 },
      category: { ...mapKey, description: "Data category key" },
      field: { type: "string", minLength: 1, maxLength: 200 },
      value: { type: "string", maxLength: 10000 },
      source: { type: "string", enum: DATA_SOURCES, default: "DIRECT" },
      sourceNote: { type: "string", maxLength: 1000, default: "" },
      collectedAt: instant,
      retainUntil: { type: ["string", "null"], format: "date-time" },
      linkedToPerson: { type: "boolean", default: true },
    },
  },
  PushResult: {
    type: "object",
    required: ["received", "stored", "duplicates"],
    properties: {
      received: { type: "integer" },
      stored: { type: "integer", description: "New rows" },
      duplicates: {
        type: "integer",
        description: "Events whose eventId this system had sent before",
      },
    },
  },
  Restrictions: {
    type: "object",
    required: ["subject", "restrictions", "stoppedRecipients"],
    properties: {
      subject: { type: "string" },
      restrictions: {
        type: "array",
        items: {
          type: "object",
          required: ["kind", "purpose", "recipient", "recipientClass", "since"],
          properties: {
            kind: {
              type: "string",
              enum: ["PURPOSE", "RECIPIENT", "RECIPIENT_CLASS", "ALL_PROVISION", "ERASURE"],
            },
            purpose: { type: ["string", "null"], description: "Purpose key" },
            recipient: { type: ["string", "null"], description: "Recipient key" },
            recipientClass: {
              type: ["string", "null"],
              enum: [
                "THIRD_PARTY",
                "GROUP_COMPANY",
                "FOREIGN_THIRD_PARTY",
                "PROCESSOR",
                "LAW_ENFORCEMENT",
                null,
              ],
            },
            since: instant,
          },
        },
      },
      stoppedRecipients: {
        type: "array",
        items: mapKey,
        description: "Recipient keys provision to which must stop",
      },
    },
  },
  TaskResult: {
    type: "object",
    required: ["taskId", "status"],
    description: "The HTTP connector's callback body (the task's action decides `result`)",
    properties: {
      taskId: { type: "string" },
      status: { type: "string", enum: ["SUCCEEDED", "FAILED"] },
      result: {},
      error: { type: "string" },
    },
  },
  RestrictionsChanged: {
    type: "object",
    required: ["event", "subject", "at"],
    properties: {
      event: { const: "restrictions.changed" },
      subject: { type: "string", description: "The subject's id in the receiving system" },
      at: instant,
    },
  },
};

const signatureHeaders = ["X-DSAR-Timestamp", "X-DSAR-Nonce", "X-DSAR-Signature"].map((name) => ({
  name,
  in: "header",
  required: true,
  schema: { type: "string" },
  description:
    'HMAC-SHA256 with the system\'s secret over "<timestamp>.<nonce>.<raw body>"; signature as "sha256=<hex>"; ±5 min; each nonce once',
}));

/** A POST of a batch of events (provisions, receipts): all or nothing, idempotent by eventId. */
function eventPushPath(p: {
  operationId: string;
  tag: (typeof API_SCOPES)[number];
  summary: string;
  unknown: string;
  event: string;
}) {
  return {
    post: {
      operationId: p.operationId,
      tags: [p.tag],
      summary: p.summary,
      description: `Each event names its subject by the system's external id. Any unknown ${p.unknown} refuses the whole batch (422, per item).`,
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["events"],
          properties: { events: { type: "array", maxItems: MAX_BATCH, items: ref(p.event) } },
        }),
      },
      responses: {
        "200": { description: "Stored and duplicate counts", ...json(ref("PushResult")) },
        ...PUSH_ERRORS,
      },
    },
  };
}

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "DSAR portal integration API",
    version: "1.0.0",
    description:
      "For the organisation's systems: push personal data and provision events, read use restrictions, report task results, receive restriction webhooks. Authenticate with `Authorization: Bearer <key>`; keys belong to one data system and carry scopes. Every call is audited (key, system, counts). Pushes are all or nothing and idempotent by eventId per system.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ apiKey: [] }],
  tags: API_SCOPES.map((scope) => ({ name: scope, description: `Needs scope ${scope}` })),
  components: {
    securitySchemes: {
      apiKey: {
        type: "http",
        scheme: "bearer",
        description: `A key "dsk_<prefix>_<secret>"; scopes: ${API_SCOPES.join(", ")}`,
      },
    },
    schemas,
  },
  paths: {
    "/provisions": eventPushPath({
      operationId: "pushProvisions",
      tag: "PUSH_PROVISIONS",
      summary: `Adds up to ${MAX_BATCH} provision events to the ledger`,
      unknown: "subject or key",
      event: "ProvisionEvent",
    }),
    "/receipts": eventPushPath({
      operationId: "pushReceipts",
      tag: "PUSH_RECEIPTS",
      summary: `Adds up to ${MAX_BATCH} receipt records (data received from third parties)`,
      unknown: "subject or category",
      event: "ReceiptEvent",
    }),
    "/subjects/{externalId}/items": {
      post: {
        operationId: "pushItems",
        tags: ["PUSH_DATA"],
        summary: `Adds up to ${MAX_BATCH} personal-data items of one subject`,
        parameters: [externalIdParam],
        requestBody: {
          required: true,
          ...json({
            type: "object",
            required: ["items"],
            properties: { items: { type: "array", maxItems: MAX_BATCH, items: ref("DataItem") } },
          }),
        },
        responses: {
          "200": { description: "Stored and duplicate counts", ...json(ref("PushResult")) },
          "404": errorResponse("This system has no subject with that id (unknown_subject)"),
          ...PUSH_ERRORS,
        },
      },
    },
    "/subjects/{externalId}/restrictions": {
      get: {
        operationId: "readRestrictions",
        tags: ["READ_RESTRICTIONS"],
        summary: "The subject's active use restrictions and stopped recipients",
        parameters: [externalIdParam],
        responses: {
          "200": { description: "Restrictions", ...json(ref("Restrictions")) },
          "404": errorResponse("This system has no subject with that id (unknown_subject)"),
          ...ERRORS,
        },
      },
    },
    "/tasks/{taskId}/result": {
      post: {
        operationId: "reportTaskResult",
        tags: ["REPORT_TASKS"],
        summary: "A task's result, signed like the HTTP connector's callback",
        parameters: [
          { name: "taskId", in: "path", required: true, schema: { type: "string" } },
          ...signatureHeaders,
        ],
        requestBody: { required: true, ...json(ref("TaskResult")) },
        responses: {
          "200": {
            description: "Settled",
            ...json({ type: "object", properties: { ok: { const: true } } }),
          },
          "400": errorResponse("invalid_json, invalid_body, invalid_result or task_mismatch"),
          "401": errorResponse(
            "unauthenticated, revoked, or the signature: malformed, stale, future, mismatch, replayed",
          ),
          "403": ERRORS["403"],
          "404": errorResponse("unknown_task, or unknown_system (the key's system signs nothing)"),
          "409": errorResponse("The task is not waiting for a result (not_running)"),
          "413": errorResponse("payload_too_large"),
          "429": ERRORS["429"],
        },
      },
    },
    "/notice": {
      get: {
        operationId: "readNotice",
        summary: "The published privacy notice (the latest version, or ?version=N)",
        description:
          "Public, no key: the notice people read on the privacy page, as data. Cached for a minute.",
        security: [],
        parameters: [
          {
            name: "version",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 1 },
            description: "An earlier version; the latest when absent",
          },
        ],
        responses: {
          "200": { description: "The notice", ...json(ref("NoticeVersion")) },
          "404": errorResponse(
            "No such version (unknown_version), or none published yet (no_notice)",
          ),
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "openApi",
        summary: "This document",
        security: [],
        responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
      },
    },
  },
  webhooks: {
    "restrictions.changed": {
      post: {
        summary:
          "Sent to a system's subscription URL when a use restriction of a subject it knows is created or lifted; retried with backoff until 2xx",
        parameters: signatureHeaders,
        requestBody: { required: true, ...json(ref("RestrictionsChanged")) },
        responses: { "200": { description: "Received" } },
      },
    },
  },
} as const;
