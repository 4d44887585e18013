import "server-only";

import { readBrand } from "@/lib/brand/read-brand";
import { taggedCache } from "@/lib/server/tagged-cache";

/** The cache tag the brand settings flush (lib/actions/manager/brand/update-brand.ts). */
export const BRAND_TAG = "brand";

/**
 * The brand for pages (header, footer, metadata): read once and kept in the process's memory
 * (lib/server/tagged-cache.ts) until a manager changes it, or five minutes pass (another
 * instance's change). Mails and documents, which run outside a page, read it fresh (readBrand).
 */
export const loadBrand = taggedCache(readBrand, BRAND_TAG, { tags: [BRAND_TAG], ttlSeconds: 300 });
