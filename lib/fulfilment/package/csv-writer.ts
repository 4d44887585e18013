import { CSV_BOM, csvLine } from "@/lib/ledger/csv";

import { gapLines, sourceLabel } from "./present";
import type { ByteSink, PackageItem, PackageWriter } from "./types";

// The items as one CSV table for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
// Japanese), RFC 4180 quoting with CRLF line ends, and cells that would start a formula
// (= + - @) prefixed with an apostrophe (lib/ledger/csv.ts, shared with the ledger export).
// The items' references stay in the JSON (machines); a person reading the table gets labels only.
// Systems whose data could not be gathered follow the items as rows of their own, under the
// heading "data we could not gather".

export function createCsvWriter(sink: ByteSink): PackageWriter {
  const labels = new Map<string, string>();
  let label = (source: string) => source;
  let gapRows = "";
  return {
    async begin(head) {
      const { t } = head;
      const lines = gapLines(t, head.gaps);
      gapRows = head.gaps
        .map((g, i) =>
          csvLine([t("disclosurePackage.gaps.title"), g.system, "", lines[i] ?? "", "", "", ""]),
        )
        .join("");
      label = (source) => {
        let text = labels.get(source);
        if (text === undefined) labels.set(source, (text = sourceLabel(t, source)));
        return text;
      };
      await sink.write(
        CSV_BOM +
          csvLine([
            t("disclosurePackage.col.category"),
            t("disclosurePackage.col.system"),
            t("disclosurePackage.col.field"),
            t("disclosurePackage.col.value"),
            t("disclosurePackage.col.source"),
            t("disclosurePackage.col.sourceNote"),
            t("disclosurePackage.col.collectedAt"),
          ]),
      );
    },
    async items(batch: readonly PackageItem[]) {
      if (batch.length === 0) return;
      let text = "";
      for (const item of batch) {
        text += csvLine([
          item.category,
          item.system,
          item.fieldLabel,
          item.value,
          label(item.source),
          item.sourceNote,
          item.collectedAt ?? "",
        ]);
      }
      await sink.write(text);
    },
    async end() {
      if (gapRows) await sink.write(gapRows);
    },
  };
}
