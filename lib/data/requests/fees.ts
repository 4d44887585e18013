import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localDate, middayUtc, parseIsoDate, zoneFor } from "@/lib/deadlines/calendar";
import {
  feeBases,
  proposedFee,
  toMinorUnits,
  type Fees,
  type TFeeBasis,
  type TFeeCurrency,
} from "@/lib/requests/fees";
import type { TAskForFee, TSettleFee } from "@/lib/validation/fees";

import { requestScope } from "./get-request";
import { applyTransition } from "./transition";

// Fees asked of a requester (lib/requests/fees.ts says on which bases the law allows one). The
// portal takes no payments: staff ask (the request waits at AWAITING_FEE and the requester reads
// the amount and how to pay on the status page and is mailed), then record the day the payment
// arrived (the clock restarts from it where the law says so) or waive the fee. Each step is one
// transaction with its timeline and audit events.

const HOUR_MS = 60 * 60 * 1000;

// Structural, so that both the app's client (which omits the logo) and a transaction fit.
type ReadsFees = {
  organisation: {
    findUnique(args: {
      where: { id: string };
      select: { disclosureFeeYen: true; purposeNotificationFeeYen: true };
    }): Promise<Fees | null>;
  };
};

async function organisationFees(db: ReadsFees): Promise<Fees> {
  const org = await db.organisation.findUnique({
    where: { id: "org" },
    select: { disclosureFeeYen: true, purposeNotificationFeeYen: true },
  });
  return org ?? { disclosureFeeYen: 0, purposeNotificationFeeYen: 0 };
}

const FEE_VIEW = {
  id: true,
  basis: true,
  amountMinor: true,
  currency: true,
  instructions: true,
  askedAt: true,
  settlement: true,
  receivedAt: true,
  settledAt: true,
} as const;

/**
 * The fee the requester owes now, if any: for the status page of a request the actor may see.
 */
export async function getOpenFee(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  return getDb().requestFee.findFirst({
    where: { settlement: null, request: { AND: [{ reference }, requestScope(actor)] } },
    orderBy: { askedAt: "desc" },
    select: FEE_VIEW,
  });
}

/**
 * For staff: the bases the law allows for this request (with what the form proposes for each)
 * and every fee asked so far, newest first.
 */
export async function getFeeState(options: { actor: Actor; reference: string }) {
  const { actor, reference } = options;
  if (!can(actor.role, "request:complete")) return null;
  const db = getDb();
  const request = await db.request.findUnique({
    where: { reference },
    select: {
      type: true,
      jurisdictions: true,
      fees: { orderBy: { askedAt: "desc" }, select: FEE_VIEW },
    },
  });
  if (!request) return null;
  const fees = await organisationFees(db);
  const bases = feeBases(request.type, request.jurisdictions, fees).map((basis) => ({
    basis,
    ...proposedFee(basis, request.type, request.jurisdictions, fees),
  }));
  return { bases, fees: request.fees };
}

/**
 * Asks for a fee on a basis the law allows for this request. The configured fee (APPI, PIPA) is
 * the published one: never more, always in yen.
 */
export async function askForFee(options: { actor: Actor; input: TAskForFee }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:complete")) throw new AppError("FORBIDDEN");
  await getDb().$transaction(async (tx) => {
    const request = await tx.request.findUnique({
      where: { reference: input.reference },
      select: { id: true, type: true, jurisdictions: true },
    });
    if (!request) throw new AppError("NOT_FOUND");
    const fees = await organisationFees(tx);
    const basis: TFeeBasis = input.basis;
    if (!feeBases(request.type, request.jurisdictions, fees).includes(basis))
      throw new AppError("INVALID_INPUT", undefined, { basis: "fees.errors.basis" });
    const currency: TFeeCurrency = input.currency;
    const amountMinor = toMinorUnits(input.amount, currency);
    if (amountMinor === null || amountMinor <= 0)
      throw new AppError("INVALID_INPUT", undefined, { amount: "fees.errors.amount" });
    if (basis === "CONFIGURED") {
      const published = proposedFee(basis, request.type, request.jurisdictions, fees);
      if (currency !== published.currency || amountMinor > (published.amountMinor ?? 0))
        throw new AppError("INVALID_INPUT", undefined, {
          amount: "fees.errors.overPublished",
        });
    }
    await applyTransition(tx, { requestId: request.id, name: "askForFee", actor });
    const fee = await tx.requestFee.create({
      data: {
        requestId: request.id,
        basis,
        amountMinor,
        currency,
        instructions: input.instructions,
        // After the transition's pause (the database's now() is the transaction's start).
        askedAt: new Date(),
        askedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "fee.ask",
      entityType: "RequestFee",
      entityId: fee.id,
      requestId: request.id,
      ip: actor.ip,
      data: { basis, amountMinor, currency },
    });
  });
}

/**
 * Records the open fee paid (on the calendar day staff give: the clock restarts from it where the
 * law says so) or waived; the request returns to work.
 */
export async function settleFee(options: { actor: Actor; input: TSettleFee; now?: Date }) {
  const { actor, input } = options;
  if (!can(actor.role, "request:complete")) throw new AppError("FORBIDDEN");
  const now = options.now ?? new Date();
  await getDb().$transaction(async (tx) => {
    const fee = await tx.requestFee.findFirst({
      where: { settlement: null, request: { reference: input.reference } },
      orderBy: { askedAt: "desc" },
      select: { id: true, askedAt: true, requestId: true },
    });
    if (!fee) throw new AppError("ILLEGAL_TRANSITION");
    let receivedAt: Date | null = null;
    if (input.settlement === "PAID") {
      // The day as a calendar day everywhere the portal counts (midday UTC falls on the same date
      // from Los Angeles to Seoul), never before the fee was asked nor after now.
      const date = parseIsoDate(input.receivedOn);
      const day = middayUtc(date);
      // Tokyo's today is the latest today among the zones the portal counts in.
      if (date.getTime() > localDate(now, zoneFor("JP")).getTime())
        throw new AppError("INVALID_INPUT", undefined, {
          receivedOn: "fees.errors.future",
        });
      if (day.getTime() + 12 * HOUR_MS < fee.askedAt.getTime())
        throw new AppError("INVALID_INPUT", undefined, {
          receivedOn: "fees.errors.beforeAsked",
        });
      receivedAt = new Date(
        Math.min(now.getTime(), Math.max(fee.askedAt.getTime(), day.getTime())),
      );
    }
    const settled = await tx.requestFee.updateMany({
      where: { id: fee.id, settlement: null },
      data: {
        settlement: input.settlement,
        receivedAt,
        settledAt: now,
        settledById: actor.userId,
      },
    });
    if (settled.count !== 1) throw new AppError("CONFLICT");
    await applyTransition(tx, {
      requestId: fee.requestId,
      name: input.settlement === "PAID" ? "feeReceived" : "waiveFee",
      actor,
      feeReceivedAt: receivedAt ?? undefined,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.settlement === "PAID" ? "fee.paid" : "fee.waive",
      entityType: "RequestFee",
      entityId: fee.id,
      requestId: fee.requestId,
      ip: actor.ip,
      data: { receivedAt: receivedAt?.toISOString() ?? null },
    });
  });
}
