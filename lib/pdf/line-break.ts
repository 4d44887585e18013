// Greedy line breaking for mixed Japanese and Latin text: a line may break after a space or next
// to a CJK character (Japanese has no spaces between words); a Latin word longer than the line
// is cut. Basic 禁則処理: closing punctuation and small kana never start a line (they hang at the
// end of the previous one) and opening brackets never end one. Works on string positions, not on
// arrays of characters: it runs for every field and value of a 100,000-item PDF.

const codePoints = (chars: string) => new Set([...chars].map((c) => c.codePointAt(0)!));
const NO_START = codePoints(
  "、。，．・：；？！ー―‐〜～）］｝〕〉》」』】〙〗〟’”ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ%),.:;?!]}",
);
const NO_END = codePoints("（［｛〔〈《「『【〘〖〝‘“([{");
const SPACE = 0x20;

function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    cp >= 0x20000
  );
}

const size = (cp: number) => (cp > 0xffff ? 2 : 1);

function breakParagraph(
  p: string,
  maxWidth: number,
  widthOf: (codePoint: number) => number,
  lines: string[],
) {
  if (p === "") {
    lines.push("");
    return;
  }
  let start = 0;
  while (start < p.length) {
    let width = 0;
    let end = start;
    // The last position a break may go (the start of the next line), or -1.
    let breakAt = -1;
    while (end < p.length) {
      const cp = p.codePointAt(end)!;
      const w = widthOf(cp);
      if (width + w > maxWidth && end > start) break;
      width += w;
      end += size(cp);
      if (end >= p.length) break;
      const next = p.codePointAt(end)!;
      if (cp === SPACE || ((isCjk(cp) || isCjk(next)) && next !== SPACE)) {
        if (!NO_START.has(next) && !NO_END.has(cp)) breakAt = end;
      }
    }
    if (end < p.length) {
      const at = p.codePointAt(end)!;
      if (NO_START.has(at)) {
        // Hang the closing punctuation on this line rather than start the next with it.
        while (end < p.length && NO_START.has(p.codePointAt(end)!))
          end += size(p.codePointAt(end)!);
      } else if (breakAt > start && p.charCodeAt(end - 1) !== SPACE && at !== SPACE) {
        end = breakAt;
      }
    }
    lines.push(p.slice(start, end).trimEnd());
    start = end;
    while (p.charCodeAt(start) === SPACE) start += 1;
  }
}

/**
 * Splits text into lines no wider than `maxWidth` (in the units `widthOf` returns). Newlines
 * force a break; tabs read as spaces; other control characters are dropped.
 */
export function breakLines(
  text: string,
  maxWidth: number,
  widthOf: (codePoint: number) => number,
): string[] {
  // Most texts (a field name, a short value) fit on one line: measured without copying.
  let width = 0;
  let fits = true;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i += 1;
    width += widthOf(cp);
    if (cp < 0x20 || cp === 0x7f || width > maxWidth) {
      fits = false;
      break;
    }
  }
  if (fits) return [text];
  const lines: string[] = [];
  const clean = text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[^\P{Cc}\n]/gu, "");
  for (const paragraph of clean.split("\n")) breakParagraph(paragraph, maxWidth, widthOf, lines);
  return lines;
}
