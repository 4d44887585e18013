// The export a system's recipient uploads through an EMAIL connector's link, read by its content
// whatever its name: UTF-8 text (a byte-order mark allowed) that is either JSON, the HTTP
// protocol's own export result (`{"items": [...]}` or the bare list), or CSV with a header row
// naming `field`, `category` and `value` (and optionally `collected_at`), the shape a
// spreadsheet saves. Binary content (a PDF, a zip, an image), text that is not UTF-8, or a shape
// that is neither is refused with the reason, and nothing is stored.

export const MAX_EXPORT_BYTES = 5 * 1024 * 1024;

export type ExportFileProblem = "too_large" | "not_text" | "empty" | "shape";

export type ReadExport = { ok: true; raw: unknown } | { ok: false; problem: ExportFileProblem };

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
      continue;
    }
    if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((value) => value.trim() !== ""));
}

const HEADERS: Record<string, string> = {
  field: "field",
  category: "categoryKey",
  categorykey: "categoryKey",
  category_key: "categoryKey",
  value: "value",
  collected_at: "collectedAt",
  collectedat: "collectedAt",
};

function csvItems(text: string): Record<string, string>[] | null {
  const [header, ...rows] = parseCsv(text);
  if (!header) return null;
  const names = header.map((h) => HEADERS[h.trim().toLowerCase()] ?? null);
  if (!["field", "categoryKey", "value"].every((n) => names.includes(n))) return null;
  return rows.map((cells) => {
    const item: Record<string, string> = {};
    names.forEach((name, i) => {
      const value = (cells[i] ?? "").trim();
      if (name && (value !== "" || name === "value")) item[name] = value;
    });
    return item;
  });
}

/**
 * Reads an uploaded export into the HTTP protocol's export result, for parseSystemResult to
 * check item by item; `shape` when it is text of neither form.
 */
export function readExportFile(bytes: Uint8Array): ReadExport {
  if (bytes.byteLength > MAX_EXPORT_BYTES) return { ok: false, problem: "too_large" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: "not_text" };
  }
  // NUL and other control characters (save tab and line breaks) do not occur in CSV or JSON.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text))
    return { ok: false, problem: "not_text" };
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, problem: "empty" };
  const first = text.trimStart()[0];
  if (first === "{" || first === "[") {
    try {
      const json: unknown = JSON.parse(text);
      return { ok: true, raw: Array.isArray(json) ? { items: json } : json };
    } catch {
      return { ok: false, problem: "shape" };
    }
  }
  const items = csvItems(text);
  return items ? { ok: true, raw: { items } } : { ok: false, problem: "shape" };
}
