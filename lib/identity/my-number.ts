// The individual number (マイナンバー, 個人番号): 12 digits, the last a check digit computed by
// the government's published rule (行政手続における特定の個人を識別するための番号の利用等に関する
// 法律施行令 第8条 / 総務省令 第5条): with P(n) the n-th digit from the right of the first eleven
// (n = 1…11) and Q(n) = n + 1 for n ≤ 6, n − 5 for n ≥ 7, the check digit is 0 when
// Σ P(n)·Q(n) mod 11 ≤ 1, else 11 minus it. A run of 12 digits that fails the rule is not a My
// Number (a phone, account or card number), so uploads are not flagged by mistake.

/** The check digit of the first eleven digits of an individual number. */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new Error("eleven digits expected");
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** Whether `digits` (12 of them, nothing else) is a valid individual number. */
export function isMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

// Full-width digits (０-９) as ASCII; OCR and typed text use both.
const toAscii = (text: string) =>
  text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

// Twelve digits, as printed on the card (4-4-4, spaced or hyphenated) or run together, and not
// part of a longer run of digits.
const RUN = /(?<!\d)\d{4}[ \-‐－ー]?\d{4}[ \-‐－ー]?\d{4}(?!\d)/g;

/** The valid individual numbers in `text` (OCR output or a PDF's text), deduplicated. */
export function findMyNumbers(text: string): string[] {
  const found = new Set<string>();
  const normalised = toAscii(text);
  for (const match of normalised.matchAll(RUN)) {
    const digits = match[0].replace(/\D/g, "");
    if (isMyNumber(digits)) found.add(digits);
  }
  // OCR may break a number over spaces it inserted anywhere: read digit runs with single spaces.
  for (const match of normalised.matchAll(/(?<![\d ])(?:\d ?){12}(?! ?\d)/g)) {
    const digits = match[0].replace(/\D/g, "");
    if (digits.length === 12 && isMyNumber(digits)) found.add(digits);
  }
  return [...found];
}

/** A valid number for tests and benchmarks: the eleven digits given, then their check digit. */
export function withCheckDigit(first11: string): string {
  return `${first11}${myNumberCheckDigit(first11)}`;
}
