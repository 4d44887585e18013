import { getTranslator } from "@/lib/i18n/translate";

import type { ByteSink, PackageHead, PackageItem, PackageTail, PackageWriter } from "./types";

// Shared by the writers' unit tests: a sink that keeps what is written, a head and items.

export function memorySink(): ByteSink & { chunks: Buffer[]; text(): string; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    chunks,
    async write(chunk) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
    },
    bytes: () => Buffer.concat(chunks),
    text: () => Buffer.concat(chunks).toString("utf8"),
  };
}

export function head(locale: "ja" | "en" = "ja", gaps: PackageHead["gaps"] = []): PackageHead {
  return {
    reference: "R-2026-000123",
    addressee: "佐藤 花子",
    locale,
    gaps,
    generatedAt: new Date("2026-04-01T03:00:00Z"),
    t: getTranslator(locale),
    supplement: {
      organisation: {
        name: "株式会社サクラリンク",
        department: locale === "ja" ? "個人情報保護窓口" : "Personal Information Desk",
        address: "東京都港区芝公園四丁目9番9号",
        contact: "privacy@example.jp",
      },
      complaint: [
        {
          name:
            locale === "ja" ? "個人情報保護委員会" : "Personal Information Protection Commission",
          contact: "",
          url: "https://www.ppc.go.jp/",
        },
      ],
      automatedDecisions: null,
      purposes: [
        { name: "サービスの運営", description: "予約の提供", categories: ["氏名", "予約履歴"] },
      ],
      sources: [
        { category: "氏名", ways: [{ source: "DIRECT", notes: ["会員登録時にご本人が入力"] }] },
      ],
      recipients: [
        {
          name: "Global Hotels Ltd.",
          recipientClass: "FOREIGN_THIRD_PARTY",
          count: 2,
          from: new Date("2025-01-01T00:00:00Z"),
          to: new Date("2025-06-01T00:00:00Z"),
          foreign: {
            country: "SG",
            countryName: "シンガポール",
            regime: "個人データ保護法（PDPA）",
            measures: "契約による安全管理措置",
          },
        },
      ],
      retention: [
        { category: "氏名", until: null, untilPurpose: true, legalHolds: [] },
        {
          category: "カード決済履歴",
          until: new Date("2032-03-31T00:00:00Z"),
          untilPurpose: false,
          legalHolds: ["法人税法に基づく保存義務（7年間）"],
        },
      ],
    },
  };
}

export function item(overrides: Partial<PackageItem> = {}): PackageItem {
  return {
    ref: "item-1",
    origin: "record",
    categoryKey: "name",
    category: "氏名",
    systemKey: "members",
    system: "会員基盤",
    field: "fullName",
    fieldLabel: "氏名",
    value: "佐藤 花子",
    source: "DIRECT",
    sourceNote: "会員登録時にご本人が入力",
    collectedAt: "2024-04-01T00:00:00.000Z",
    ...overrides,
  };
}

export const emptyTail: PackageTail = {
  itemCount: 0,
  withheld: [],
  neverIncluded: { count: 0, kinds: [] },
};

/** Runs a writer over batches of items and returns the tail it was given. */
export async function write(
  writer: PackageWriter,
  batches: PackageItem[][],
  tail: Partial<PackageTail> = {},
  locale: "ja" | "en" = "ja",
  gaps: PackageHead["gaps"] = [],
) {
  await writer.begin(head(locale, gaps));
  for (const batch of batches) await writer.items(batch);
  const full = { ...emptyTail, itemCount: batches.flat().length, ...tail };
  await writer.end(full);
  return full;
}
