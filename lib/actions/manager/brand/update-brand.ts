"use server";

import { defineAction, type ActionResult } from "@/lib/actions/safe-action";
import { BRAND_TAG } from "@/lib/brand/load-brand";
import { removeLogo as remove, setLogo, updateBrand as update } from "@/lib/data/brand/brand";
import { TRANSPARENCY_TAG } from "@/lib/data/transparency/get-transparency";
import { flushTags } from "@/lib/server/tagged-cache";
import { MAX_LOGO_BYTES, ZBrand } from "@/lib/validation/brand";
import { z } from "@/lib/validation/zod";

/** Every page's header and footer read the brand (cached under BRAND_TAG); so does the
 * transparency page (the organisation's name, address and contact). */
function flush() {
  flushTags(BRAND_TAG, TRANSPARENCY_TAG);
}

export const updateBrand = defineAction(
  { name: "updateBrand", schema: ZBrand, permission: "policy:configure" },
  async (input, actor) => {
    await update({ actor, input });
    flush();
  },
);

const ZLogo = z.object({
  file: z
    .instanceof(File, { message: "settingsBrand.errors.logoMissing" })
    .refine((f) => f.size > 0, "settingsBrand.errors.logoMissing")
    .refine((f) => f.size <= MAX_LOGO_BYTES, "settingsBrand.errors.logoTooLarge"),
});

const upload = defineAction(
  { name: "uploadLogo", schema: ZLogo, permission: "policy:configure" },
  async ({ file }, actor) => {
    await setLogo({ actor, bytes: Buffer.from(await file.arrayBuffer()) });
    flush();
  },
);

/** Takes form data so that the image travels with it; its type is judged by content. */
export async function uploadLogo(raw: FormData): Promise<ActionResult<void>> {
  const form = raw instanceof FormData ? raw : new FormData();
  return upload({ file: form.get("file") });
}

export const removeLogo = defineAction(
  { name: "removeLogo", schema: z.object({}), permission: "policy:configure" },
  async (_input, actor) => {
    await remove({ actor });
    flush();
  },
);
