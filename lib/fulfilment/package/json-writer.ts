import type { ByteSink, PackageItem, PackageTail, PackageWriter } from "./types";

// The machine-readable package (APPI Art.33: the electronic record method; GDPR Art.20 style
// portability): one JSON object whose "items" array is written batch by batch, so the document
// is valid JSON once end() has run without ever being held in memory whole.

export function itemJson(item: PackageItem) {
  return {
    ref: item.ref,
    category: { key: item.categoryKey, name: item.category },
    system: { key: item.systemKey, name: item.system },
    field: { key: item.field, label: item.fieldLabel },
    value: item.value,
    source: item.source,
    sourceNote: item.sourceNote,
    collectedAt: item.collectedAt,
  };
}

export function createJsonWriter(sink: ByteSink): PackageWriter {
  let first = true;
  return {
    async begin(head) {
      const { supplement } = head;
      const opening = {
        reference: head.reference,
        type: "DISCLOSURE",
        locale: head.locale,
        generatedAt: head.generatedAt.toISOString(),
        organisation: supplement.organisation,
        // Systems whose data could not be gathered (their portal records are among the items).
        missingData: head.gaps,
        supplementary: {
          purposes: supplement.purposes,
          sources: supplement.sources,
          recipients: supplement.recipients.map((r) => ({
            ...r,
            from: r.from.toISOString(),
            to: r.to.toISOString(),
          })),
          retention: supplement.retention.map((r) => ({
            ...r,
            until: r.until?.toISOString() ?? null,
          })),
          complaint: supplement.complaint,
          automatedDecisions: supplement.automatedDecisions,
        },
      };
      // The opening object without its closing brace, then the items array.
      await sink.write(`${JSON.stringify(opening).slice(0, -1)},"items":[`);
    },
    async items(batch: readonly PackageItem[]) {
      if (batch.length === 0) return;
      let text = "";
      for (const item of batch) {
        text += `${first ? "" : ","}\n${JSON.stringify(itemJson(item))}`;
        first = false;
      }
      await sink.write(text);
    },
    async end(tail: PackageTail) {
      const closing = {
        itemCount: tail.itemCount,
        withheld: tail.withheld,
        neverIncluded: tail.neverIncluded,
      };
      await sink.write(`\n],${JSON.stringify(closing).slice(1)}\n`);
    },
  };
}
