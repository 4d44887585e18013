import type { NextRequest } from "next/server";

import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listMyReceipts } from "@/lib/data/ledger/list-my-receipts";
import { streamMyProvisions } from "@/lib/data/ledger/stream-my-provisions";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator, type Translate } from "@/lib/i18n/translate";
import { CSV_BOM, jstDate, ledgerCsvHeader, ledgerCsvRow } from "@/lib/ledger/csv";
import { parseLedgerFilter } from "@/lib/ledger/filter";
import { pagedBody } from "@/lib/export/paged-body";
import { entryToJson, presentLedgerRow } from "@/lib/ledger/present";
import { receiptsCsvSection, receiptToJson, type ReceiptEntry } from "@/lib/ledger/receipts";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

// The filtered ledger as CSV or JSON, streamed page by page (keyset) so a ledger of 10,000
// entries is never held in memory at once. Scoped to the signed-in person like the page. A
// failing read never arrives as a complete-looking file (lib/export/paged-body.ts). The records of
// data received from third parties (APPI Art.30) in the period follow the entries, unless the
// export is filtered to recipients, which they have none of.
export async function GET(request: NextRequest, ctx: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await ctx.params).locale);
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor.role, "personal-data:read-own")) return new Response("Not found", { status: 404 });
  const params = request.nextUrl.searchParams;
  const format = params.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return new Response("Bad format", { status: 400 });
  const { filter, errors } = parseLedgerFilter(params);
  if (Object.keys(errors).length > 0) return new Response("Bad filter", { status: 400 });

  const t = getTranslator(locale);
  let first = true;
  const fields = { route: "ledger-export", format };
  let body: ReadableStream<Uint8Array>;
  try {
    const receipts =
      filter.recipient || filter.recipientClass
        ? null
        : await listMyReceipts({ actor, locale, from: filter.from, to: filter.to });
    // The first page is read before answering: a failure there is a 500, never a 200 file that
    // holds only its header; a later one aborts the transfer (lib/export/paged-body.ts).
    body = await pagedBody({
      pages: streamMyProvisions({ actor, filter }),
      head:
        format === "csv"
          ? CSV_BOM + ledgerCsvHeader(t)
          : `{"generatedAt":${JSON.stringify(new Date().toISOString())},"locale":"${locale}","filter":${JSON.stringify({ ...filter, after: undefined, before: undefined })},"entries":[`,
      tail: format === "json" ? jsonTail(receipts) : csvTail(receipts, t),
      render: (page) => {
        const entries = page.map((row) => presentLedgerRow(row, locale));
        if (format === "csv") return entries.map((e) => ledgerCsvRow(e, t)).join("");
        return entries
          .map((e) => {
            const text = `${first ? "" : ","}\n${JSON.stringify(entryToJson(e))}`;
            first = false;
            return text;
          })
          .join("");
      },
      onError: (error) => log.error("ledger export aborted", error, fields),
    });
  } catch (error) {
    const errorId = log.error("ledger export failed", error, fields);
    return new Response(`Error ${errorId}`, {
      status: 500,
      headers: { "Cache-Control": "no-store" },
    });
  }
  const name = `provision-ledger-${jstDate(new Date())}.${format}`;
  return new Response(body, {
    headers: {
      "Content-Type":
        format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function jsonTail(receipts: ReceiptEntry[] | null): string {
  if (!receipts) return "\n]}\n";
  return `\n],"receipts":${JSON.stringify(receipts.map(receiptToJson))}}\n`;
}

/** The receipt records after the entries; nothing when there are none. */
const csvTail = (receipts: ReceiptEntry[] | null, t: Translate) =>
  receipts && receipts.length > 0 ? receiptsCsvSection(receipts, t) : undefined;
