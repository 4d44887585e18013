import type { NextRequest } from "next/server";

import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import {
  auditRequestExport,
  streamRequestRecords,
} from "@/lib/data/dashboard/stream-request-records";
import type { RequestRecord } from "@/lib/data/dashboard/stream-request-records";
import { toLocale } from "@/lib/i18n/config";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { getTranslator } from "@/lib/i18n/translate";
import { CSV_BOM, csvLine, jstDate } from "@/lib/ledger/csv";
import { parseExportPeriod } from "@/lib/data/dashboard/export-period";
import { pagedBody } from "@/lib/export/paged-body";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

// Request records for a period as CSV for regulators (RFC 4180, BOM, formula guard), streamed in
// keyset pages. Audited ("requests.export") before the first byte; no names or emails.
export async function GET(request: NextRequest, ctx: { params: Promise<{ locale: string }> }) {
  const locale = toLocale((await ctx.params).locale);
  const actor = await getActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor.role, "manager:dashboard")) return new Response("Not found", { status: 404 });
  const period = parseExportPeriod(request.nextUrl.searchParams);
  if (!period) return new Response("Bad period", { status: 400 });
  await auditRequestExport({ actor, ...period });

  const t = getTranslator(locale);
  const fields = { route: "manager-export", from: period.from, to: period.to };
  let body: ReadableStream<Uint8Array>;
  try {
    // The first page is read before answering: a failure there is a 500, never a 200 file
    // holding only the header line; a later one aborts the transfer (lib/export/paged-body.ts).
    body = await pagedBody({
      pages: streamRequestRecords({ actor, ...period }),
      head: CSV_BOM + header(t),
      render: (page) => page.map((r) => row(r, t)).join(""),
      onError: (error) => log.error("request export aborted", error, fields),
    });
  } catch (error) {
    const errorId = log.error("request export failed", error, fields);
    return new Response(`Error ${errorId}`, {
      status: 500,
      headers: { "Cache-Control": "no-store" },
    });
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="requests-${period.from}-${period.to}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function header(t: Translate): string {
  return csvLine([
    t("dashboard.csv.receivedAt"),
    t("dashboard.csv.reference"),
    t("dashboard.csv.type"),
    t("dashboard.csv.channel"),
    t("dashboard.csv.jurisdictions"),
    t("dashboard.csv.status"),
    t("dashboard.csv.dueAt"),
    t("dashboard.csv.closedAt"),
    t("dashboard.csv.outcome"),
    t("dashboard.csv.refusalGrounds"),
  ]);
}

function row(r: RequestRecord, t: Translate): string {
  const key = (k: string) => t(k as MessageKey);
  return csvLine([
    jstDate(r.receivedAt),
    r.reference,
    key(`requestType.${r.type}`),
    key(`channel.${r.channel}`),
    r.jurisdictions.map((j) => key(`queue.jurisdiction.${j}`)).join(" / "),
    key(`status.${r.status}`),
    jstDate(r.dueAt),
    r.closedAt ? jstDate(r.closedAt) : "",
    r.outcome ? key(`outcome.${r.outcome}`) : "",
    r.refusalGrounds.map((g) => key(`decisions.groundLabels.${g}`)).join(" / "),
  ]);
}
