import { z } from "@/lib/validation/zod";

import { BRAND_FIELDS } from "./choices";

import { contrastWithWhite, isHexColour, MIN_CONTRAST } from "@/lib/brand/colour";

// The organisation's profile and brand (white-label, issue 15), as the manager's form and the
// server action both check it. Messages are catalogue keys (sections/settingsBrand.ts).

/** The logo: an image small enough to inline in every mail and PDF. */
export const MAX_LOGO_BYTES = 256 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const required = (max: number) => text(max).min(1, "validation.required");

export const ZBrand = z.object({
  nameJa: required(200),
  nameEn: required(200),
  portalNameJa: text(100),
  portalNameEn: text(100),
  departmentJa: text(100),
  departmentEn: text(100),
  addressJa: text(300),
  addressEn: text(300),
  contactEmail: z.union([
    z.literal(""),
    z.email("validation.email").max(254, "validation.tooLong"),
  ]),
  contactPhone: text(40).regex(/^[0-9+\-() ]*$/, "settingsBrand.errors.phone"),
  // Empty: the default colour. Else #rrggbb that white text and white pages can both stand.
  brandColor: z
    .string()
    .trim()
    .refine((v) => v === "" || isHexColour(v), "settingsBrand.errors.colourFormat")
    .refine(
      (v) => v === "" || !isHexColour(v) || contrastWithWhite(v) >= MIN_CONTRAST,
      "settingsBrand.errors.colourContrast",
    )
    .transform((v) => v.toLowerCase()),
});
export type TBrand = z.infer<typeof ZBrand>;
export { BRAND_FIELDS };

// The form's list of fields (kept free of zod in ./choices) is the schema's, no more, no fewer.
type Listed = (typeof BRAND_FIELDS)[number];
const sameFields: [Listed] extends [keyof TBrand]
  ? [keyof TBrand] extends [Listed]
    ? true
    : never
  : never = true;
void sameFields;
