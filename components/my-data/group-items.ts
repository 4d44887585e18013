import type { MyPersonalDataItem } from "@/lib/data/subjects/list-my-personal-data";

export interface ItemGroup {
  key: string;
  nameJa: string;
  nameEn: string;
  dataClass?: MyPersonalDataItem["category"]["dataClass"];
  items: MyPersonalDataItem[];
}

/** Groups items by category (in the data map's order) or by system (by key). */
export function groupItems(items: MyPersonalDataItem[], by: "category" | "system"): ItemGroup[] {
  const groups = new Map<string, ItemGroup & { order: number }>();
  for (const item of items) {
    const head = by === "category" ? item.category : item.system;
    const group = groups.get(head.key) ?? {
      key: head.key,
      nameJa: head.nameJa,
      nameEn: head.nameEn,
      dataClass: by === "category" ? item.category.dataClass : undefined,
      order: by === "category" ? item.category.sortOrder : 0,
      items: [],
    };
    group.items.push(item);
    groups.set(head.key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key))
    .map(({ order: _order, ...g }) => g);
}
