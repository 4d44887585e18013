import type { ConnectorKind } from "@/lib/generated/prisma/enums";

import type { Connector } from "./connector";
import { emailConnector } from "./email";
import { httpConnector } from "./http-connector";
import { internalConnector } from "./internal-connector";
import { sqlConnector } from "./sql";

// Every connector of the kit (connector.ts), by the kind a system names. A new kind is added here
// and to conformance.test.ts, whose suite it must pass.
const CONNECTORS = {
  INTERNAL: internalConnector,
  HTTP: httpConnector,
  SQL: sqlConnector,
  EMAIL: emailConnector,
} as const satisfies Record<Exclude<ConnectorKind, "MANUAL">, Connector>;

/** The connector of a kind; null for MANUAL (staff work those tasks). */
export function connectorFor(kind: ConnectorKind): Connector | null {
  return kind === "MANUAL" ? null : CONNECTORS[kind];
}
