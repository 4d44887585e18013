// A strict RFC 4180 reader for the specs that download CSV: quoted fields with doubled quotes and
// line breaks inside, CRLF between records, a leading byte-order mark dropped. It throws on what
// a truncated or malformed file would show (an open quote, a bare LF, text after a closing quote,
// a record with another number of fields than the header), so a broken download fails the spec.

export function parseCsv(text: string): string[][] {
  const s = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false; // inside a quoted field
  let closed = false; // after a quoted field's closing quote
  let fresh = true; // at the start of a field
  const endField = () => {
    record.push(field);
    field = "";
    closed = false;
    fresh = true;
  };
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (s[i + 1] === '"') {
        field += '"';
        i += 1;
      } else {
        quoted = false;
        closed = true;
      }
    } else if (c === ",") endField();
    else if (c === "\r") {
      if (s[i + 1] !== "\n") throw new Error(`CSV: CR without LF at ${i}`);
      i += 1;
      endField();
      records.push(record);
      record = [];
    } else if (c === "\n") throw new Error(`CSV: LF without CR at ${i}`);
    else if (closed) throw new Error(`CSV: text after a closing quote at ${i}`);
    else if (c === '"') {
      if (!fresh) throw new Error(`CSV: quote inside an unquoted field at ${i}`);
      quoted = true;
      fresh = false;
    } else {
      field += c;
      fresh = false;
    }
  }
  if (quoted) throw new Error("CSV: the file ends inside a quoted field");
  // RFC 4180 allows the last record without a line break.
  if (!fresh || record.length > 0) {
    endField();
    records.push(record);
  }
  const width = records[0]?.length ?? 0;
  records.forEach((r, n) => {
    if (r.length !== width)
      throw new Error(`CSV: record ${n + 1} has ${r.length} fields, the header ${width}`);
  });
  return records;
}
