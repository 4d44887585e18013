import type { NextRequest } from "next/server";

import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { streamMyProvisions } from "@/lib/data/ledger/stream-my-provisions";
import { toLocale } from "@/lib/i18n/config";
import { getTranslator } from "@/lib/i18n/translate";
import { CSV_BOM, jstDate, ledgerCsvHeader, ledgerCsvRow } from "@/lib/ledger/csv";
import { parseLedgerFilter } from "@/lib/ledger/filter";
import { entryToJson, presentLedgerRow } from "@/lib/ledger/present";

export const dynamic = "force-dynamic";

// The filtered ledger as CSV or JSON, streamed page by page (keyset) so a ledger of 10,000
// entries is never held in memory at once. Scoped to the signed-in person like the page.
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
  const pages = streamMyProvisions({ actor, filter });
  const encoder = new TextEncoder();
  let started = false;
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(
            encoder.encode(
              format === "csv"
                ? CSV_BOM + ledgerCsvHeader(t)
                : `{"generatedAt":${JSON.stringify(new Date().toISOString())},"locale":"${locale}","filter":${JSON.stringify({ ...filter, after: undefined, before: undefined })},"entries":[`,
            ),
          );
          return;
        }
        const next = await pages.next();
        if (next.done) {
          if (format === "json") controller.enqueue(encoder.encode("\n]}\n"));
          controller.close();
          return;
        }
        const entries = next.value.map((row) => presentLedgerRow(row, locale));
        const chunk =
          format === "csv"
            ? entries.map((e) => ledgerCsvRow(e, t)).join("")
            : entries
                .map((e) => {
                  const text = `${first ? "" : ","}\n${JSON.stringify(entryToJson(e))}`;
                  first = false;
                  return text;
                })
                .join("");
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
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
