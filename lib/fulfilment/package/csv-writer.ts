import { CSV_BOM, csvLine } from "@/lib/ledger/csv";

import { sourceLabel } from "./present";
import type { ByteSink, PackageItem, PackageWriter } from "./types";

// The items as one CSV table for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
// Japanese), RFC 4180 quoting with CRLF line ends, and cells that would start a formula
// (= + - @) prefixed with an apostrophe (lib/ledger/csv.ts, shared with the ledger export).

export function createCsvWriter(sink: ByteSink): PackageWriter {
  const labels = new Map<string, string>();
  let label = (source: string) => source;
  return {
    async begin(head) {
      const { t } = head;
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
            t("disclosurePackage.col.ref"),
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
          item.field,
          item.value,
          label(item.source),
          item.sourceNote,
          item.collectedAt ?? "",
          item.ref,
        ]);
      }
      await sink.write(text);
    },
    async end() {},
  };
}
