import "server-only";

import { brandOf, readBrand, type Brand } from "@/lib/brand/read-brand";
import { errorFields, log } from "@/lib/log";
import { taggedCache } from "@/lib/server/tagged-cache";

/** The cache tag the brand settings flush (lib/actions/manager/brand/update-brand.ts). */
export const BRAND_TAG = "brand";

const cachedBrand = taggedCache(readBrand, BRAND_TAG, { tags: [BRAND_TAG], ttlSeconds: 300 });
let lastRead: Brand | null = null;

/**
 * The brand for pages (header, footer, metadata): read once and kept in the process's memory
 * (lib/server/tagged-cache.ts) until a manager changes it, or five minutes pass (another
 * instance's change). Mails and documents, which run outside a page, read it fresh (readBrand).
 * Every page's layout draws it, so a database that does not answer must not take the layout
 * down with it: the brand last read, else the portal's own, while the page's own reads fail
 * into the site's error page inside that layout.
 */
export async function loadBrand(): Promise<Brand> {
  try {
    lastRead = await cachedBrand();
    return lastRead;
  } catch (error) {
    log.warn("brand unavailable: drawing the last one read", errorFields(error));
    return lastRead ?? brandOf(null);
  }
}
