import type { Prisma } from "@/lib/generated/prisma/client";

// The fictional organisation, its staff accounts and its deadline policies.

export const organisation = {
  id: "org",
  nameJa: "株式会社サクラリンク",
  nameEn: "Sakura Link Inc.",
  addressJa: "〒105-0011 東京都港区芝公園四丁目9番9号 サクラリンクビル12階",
  addressEn: "Sakura Link Building 12F, 4-9-9 Shibakoen, Minato-ku, Tokyo 105-0011, Japan",
  contactEmail: "privacy@example.jp",
  contactPhone: "0120-000-318",
  representative: "代表取締役社長 桜井 誠（個人情報保護管理者: 執行役員 CPO 森田 彩）",
  // APPI Art.38 allows actual-cost fees; the demo organisation charges none.
  disclosureFeeYen: 0,
  purposeNotificationFeeYen: 0,
} satisfies Prisma.OrganisationCreateInput;

export const staffUsers = [
  { email: "staff@example.jp", name: "山本 優", role: "STAFF", locale: "ja" },
  { email: "manager@example.jp", name: "中村 恵", role: "MANAGER", locale: "ja" },
] as const satisfies readonly Omit<Prisma.UserCreateManyInput, "emailVerified">[];

const JP_NOTE_JA =
  "個人情報保護法は「遅滞なく」対応することを求めています。請求が到達した日から2週間を経過すると本人は訴えを提起できる（法39条）ため、社内SLAは到達日から10暦日とし、延長は設けません。内容確認のための照会は記録しますが、期限は止まりません。";
const JP_NOTE_EN =
  "The APPI requires a response without delay. The person may sue two weeks after the request arrives (Art.39), so the internal SLA is 10 calendar days from arrival with no extension. Requests for clarification are recorded but do not stop the clock.";

export const deadlinePolicies = [
  {
    jurisdiction: "JP",
    requestType: null,
    amount: 10,
    unit: "CALENDAR_DAYS",
    pauseAllowed: false,
    noteJa: JP_NOTE_JA,
    noteEn: JP_NOTE_EN,
  },
  {
    jurisdiction: "EU",
    requestType: null,
    amount: 1,
    unit: "MONTHS",
    extensionAmount: 2,
    extensionUnit: "MONTHS",
    pauseAllowed: false,
    noteJa:
      "GDPR第12条3項: 受領から1か月以内（翌月の同日、なければ月末）。複雑・多数の場合は2か月延長でき、延長とその理由は最初の1か月以内に通知します。",
    noteEn:
      "GDPR Art.12(3): one month from receipt (same date next month, else the last day of that month). Extendable by two months for complex or numerous requests, with notice and reasons within the first month.",
  },
  {
    jurisdiction: "UK",
    requestType: null,
    amount: 1,
    unit: "MONTHS",
    extensionAmount: 2,
    extensionUnit: "MONTHS",
    pauseAllowed: true,
    noteJa:
      "UK GDPR: 受領・本人確認・手数料受領のうち最も遅い日から1か月。2か月延長可。内容確認を求めている間は期限が停止します。",
    noteEn:
      "UK GDPR: one month from the latest of receipt, identity verification and fee. Extendable by two months. The clock stops while clarification is awaited.",
  },
  {
    jurisdiction: "US_CA",
    requestType: null,
    amount: 45,
    unit: "CALENDAR_DAYS",
    extensionAmount: 45,
    extensionUnit: "CALENDAR_DAYS",
    ackAmount: 10,
    ackUnit: "BUSINESS_DAYS",
    pauseAllowed: false,
    noteJa:
      "CCPA規則7021条: 10営業日以内に受領確認、45暦日以内に回答。通知のうえ45日延長可。期限の停止はなく、45日目までに本人確認できない場合は拒否できます。",
    noteEn:
      "CCPA Regulations §7021: acknowledge within 10 business days, respond within 45 calendar days; one 45-day extension with notice. No pause: a request still unverified at day 45 may be denied.",
  },
  {
    jurisdiction: "US_CA",
    requestType: "STOP_PROVISION",
    amount: 15,
    unit: "BUSINESS_DAYS",
    pauseAllowed: false,
    noteJa: "CCPA規則7026条: 販売・共有のオプトアウトは15営業日以内に対応します。",
    noteEn:
      "CCPA Regulations §7026: opt-outs of sale or sharing are honoured within 15 business days.",
  },
  {
    jurisdiction: "KR",
    requestType: null,
    amount: 10,
    unit: "CALENDAR_DAYS",
    pauseAllowed: false,
    noteJa:
      "個人情報保護法（韓国）: 10日以内に回答。正当な理由がある場合は理由を通知して延期できます。",
    noteEn: "PIPA (Korea): respond within 10 days; may be postponed with notice of the grounds.",
  },
  {
    jurisdiction: "BR",
    requestType: null,
    amount: 15,
    unit: "CALENDAR_DAYS",
    pauseAllowed: false,
    noteJa: "LGPD第19条: 完全な内容の回答は請求から15日以内。",
    noteEn: "LGPD Art.19: a complete statement within 15 days of the request.",
  },
] as const satisfies readonly Prisma.DeadlinePolicyCreateManyInput[];
