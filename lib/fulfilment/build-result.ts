import type { Db } from "@/lib/db";
import type { RequestType } from "@/lib/generated/prisma/enums";

import { neverDisclosedKind } from "./package/denylist";

// The requester's result for the types that answer with data: the disclosed items (APPI Art.33),
// the provision records (Art.33(5)) or the purposes of use (Art.32(2)). JSON, or CSV where the
// person asked for it. A disclosure normally answers with the package staff build
// (lib/fulfilment/package); this is the portal's own answer when none was built.

export const RESULT_TYPES: readonly RequestType[] = [
  "DISCLOSURE",
  "PROVISION_RECORDS",
  "PURPOSE_NOTIFICATION",
];

type Row = Record<string, string>;
// Reads only; works on the client or inside a transaction.
type Reader = Pick<
  Db,
  "personalDataItem" | "provisionRecord" | "systemCategoryPurpose" | "itemRedaction"
>;

export function toCsv(rows: Row[]): string {
  const headers = Object.keys(rows[0] ?? {});
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  // A BOM so spreadsheet programs read the Japanese text as UTF-8.
  return `\uFEFF${[headers.map(cell).join(","), ...rows.map((r) => headers.map((h) => cell(r[h] ?? "")).join(","))].join("\r\n")}\r\n`;
}

async function rowsFor(
  tx: Reader,
  request: {
    reference: string;
    type: RequestType;
    subjectId: string;
    details: Record<string, unknown>;
  },
): Promise<Row[]> {
  const d = request.details;
  const keys = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  if (request.type === "DISCLOSURE") {
    // Without a package built by staff, the same rules hold: no ID numbers or secrets
    // (lib/fulfilment/package/denylist.ts), nothing staff withheld, only data linked to the person.
    const withheld = new Set(
      (
        await tx.itemRedaction.findMany({
          where: { request: { reference: request.reference } },
          select: { itemRef: true },
        })
      ).map((r) => r.itemRef),
    );
    const items = await tx.personalDataItem.findMany({
      where: {
        subjectId: request.subjectId,
        erasedAt: null,
        linkedToPerson: true,
        ...(d.scope === "SELECTED" ? { category: { key: { in: keys(d.categoryKeys) } } } : {}),
      },
      orderBy: [{ category: { sortOrder: "asc" } }, { collectedAt: "asc" }],
      select: {
        id: true,
        field: true,
        value: true,
        source: true,
        sourceNote: true,
        collectedAt: true,
        category: { select: { key: true, nameJa: true } },
        system: { select: { nameJa: true } },
      },
    });
    const disclosed = items.filter(
      (i) =>
        !withheld.has(i.id) && !neverDisclosedKind({ categoryKey: i.category.key, field: i.field }),
    );
    return disclosed.map((i) => ({
      category: i.category.nameJa,
      system: i.system.nameJa,
      field: i.field,
      value: i.value,
      source: i.source,
      sourceNote: i.sourceNote,
      collectedAt: i.collectedAt.toISOString(),
    }));
  }
  if (request.type === "PROVISION_RECORDS") {
    const from =
      typeof d.from === "string" && d.from ? new Date(`${d.from}T00:00:00+09:00`) : undefined;
    const to = typeof d.to === "string" && d.to ? new Date(`${d.to}T23:59:59+09:00`) : undefined;
    const records = await tx.provisionRecord.findMany({
      where: {
        subjectId: request.subjectId,
        ...(keys(d.recipientKeys).length
          ? { recipient: { key: { in: keys(d.recipientKeys) } } }
          : {}),
        providedAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) },
      },
      orderBy: [{ providedAt: "desc" }, { id: "desc" }],
      select: {
        providedAt: true,
        periodEnd: true,
        items: true,
        legalBasis: true,
        recipient: { select: { nameJa: true, recipientClass: true, country: true } },
        purpose: { select: { nameJa: true } },
      },
    });
    return records.map((r) => ({
      providedAt: r.providedAt.toISOString(),
      periodEnd: r.periodEnd?.toISOString() ?? "",
      recipient: r.recipient.nameJa,
      recipientClass: r.recipient.recipientClass,
      country: r.recipient.country ?? "",
      items: r.items.join(" "),
      purpose: r.purpose.nameJa,
      legalBasis: r.legalBasis,
    }));
  }
  const uses = await tx.systemCategoryPurpose.findMany({
    where: {
      category: { items: { some: { subjectId: request.subjectId, erasedAt: null } } },
      system: { items: { some: { subjectId: request.subjectId } } },
    },
    select: {
      category: { select: { nameJa: true } },
      purpose: { select: { nameJa: true, descriptionJa: true } },
    },
  });
  const seen = new Set<string>();
  return uses
    .map((u) => ({
      category: u.category.nameJa,
      purpose: u.purpose.nameJa,
      description: u.purpose.descriptionJa,
    }))
    .filter(
      (r) => !seen.has(`${r.category}|${r.purpose}`) && seen.add(`${r.category}|${r.purpose}`),
    );
}

export async function buildResult(
  tx: Reader,
  request: { reference: string; type: RequestType; subjectId: string; details: unknown },
): Promise<{ bytes: Buffer; format: "JSON" | "CSV" }> {
  const details = (request.details ?? {}) as Record<string, unknown>;
  const rows = await rowsFor(tx, { ...request, details });
  if (details.method === "CSV" && rows.length > 0)
    return { bytes: Buffer.from(toCsv(rows), "utf8"), format: "CSV" };
  const body = {
    reference: request.reference,
    type: request.type,
    generatedAt: new Date().toISOString(),
    rows,
  };
  return { bytes: Buffer.from(JSON.stringify(body, null, 2), "utf8"), format: "JSON" };
}
