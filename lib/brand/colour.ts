// The brand colour (white-label, issue 15): a manager's choice must stay legible, so it is checked
// as WCAG 2 checks text: links and buttons draw it on white, and white on it.

const HEX = /^#[0-9a-f]{6}$/i;

/** WCAG 2's minimum contrast for normal text (AA). */
export const MIN_CONTRAST = 4.5;

export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** Relative luminance of an sRGB colour written #rrggbb (WCAG 2.x definition). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The contrast ratio of a colour against white (1 to 21). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}
