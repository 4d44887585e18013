import "server-only";

import { getDb } from "@/lib/db";

/** The organisation's data categories (public: they are on the transparency page too). */
export async function listCategories() {
  return getDb().dataCategory.findMany({
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    select: { key: true, nameJa: true, nameEn: true, dataClass: true },
  });
}
