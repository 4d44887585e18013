import sharp from "sharp";

import { withCheckDigit } from "@/lib/identity/my-number";

// Generated identity-card-like images for the My Number detector's tests and benchmark
// (scripts/bench/my-number.ts): a number printed in a given face, size and tilt, among the
// name, birth date and other digits a card or certificate shows. Nothing real: the numbers are
// made up, valid or not by their check digit as asked.

export interface CardImage {
  number: string;
  font: string;
  size: number;
  angle: number;
  /** How the number is printed: grouped 4-4-4 as on the card, or run together. */
  grouped: boolean;
  /** The whole photo turned on its side or upside down. */
  turn?: 0 | 90 | 180 | 270;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A JPEG like a phone's photo of a card or certificate showing `number`. */
export async function cardImage(card: CardImage): Promise<Buffer> {
  const shown = card.grouped ? card.number.replace(/(\d{4})(?=\d)/g, "$1 ") : card.number;
  const { font, size } = card;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="760">
<rect width="100%" height="100%" fill="#f6f3ea"/>
<g transform="rotate(${card.angle} 600 380)">
<rect x="40" y="40" width="1120" height="680" rx="28" fill="#fdfcf7" stroke="#9aa4ad" stroke-width="3"/>
<text x="90" y="140" font-family="Noto Sans CJK JP" font-size="40" fill="#1d3b5c">個人番号カード</text>
<text x="90" y="${260 + size / 2}" font-family="${escape(font)}" font-size="${size}" fill="#111">${escape(shown)}</text>
<text x="90" y="470" font-family="Noto Sans CJK JP" font-size="34" fill="#333">氏名&#x3000;山田&#x3000;太郎</text>
<text x="90" y="540" font-family="Noto Sans CJK JP" font-size="30" fill="#333">生年月日&#x3000;昭和60年 4月 1日生</text>
<text x="90" y="610" font-family="Noto Sans CJK JP" font-size="26" fill="#555">電話 090-1234-5678&#x3000;会員番号 0012-3456</text>
</g></svg>`;
  return sharp(Buffer.from(svg))
    .rotate(card.turn ?? 0)
    .jpeg({ quality: 82 })
    .toBuffer();
}

/** Twelve digits that are not a My Number: the check digit is off by one. */
export function invalidNumber(first11: string): string {
  const valid = withCheckDigit(first11);
  return `${first11}${(Number(valid[11]) + 1) % 10}`;
}
