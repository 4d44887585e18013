import type { CategoryKey, PurposeKey, SystemKey } from "./data-map";
import type { Clock, Rng } from "./random";
import { pick, randInt } from "./random";
import type { RecipientKey, SceneKey } from "./recipients";
import type { SubjectKey } from "./subjects";

// The third-party provision ledger (APPI Arts.29-30) of the demo subjects, described as streams
// of similar provisions, and the internal register of disclosures to law enforcement.

type Basis =
  "CONSENT" | "OPT_OUT" | "LAW" | "USER_APPLICATION" | "CONTRACT" | "PROCESSING_ENTRUSTMENT";

export interface ProvisionStream {
  subject: SubjectKey;
  scene: SceneKey | null;
  /** Recipients chosen at random for each provision. */
  to: RecipientKey[];
  purpose: PurposeKey;
  system: SystemKey;
  items: CategoryKey[];
  basis: Basis;
  /** Consent kind of this subject the provision relies on or refers to. */
  consent?: string;
  /** Window in days before now: [first, last]. */
  from: number;
  until: number;
  /** Number of provisions at random dates; `every` spaces them regularly instead. */
  count?: number;
  every?: number;
  /** One continuous provision from `from` until `until` (first and last date). */
  continuous?: boolean;
}

const RESERVE: CategoryKey[] = ["name", "email", "phone", "reservation_history"];
const APPLY: CategoryKey[] = ["name", "birth_date", "phone", "email", "job_application"];
const POINTS_FIRST: CategoryKey[] = [
  "name",
  "email",
  "birth_date",
  "gender",
  "address",
  "member_id",
];
const POINTS_SYNC: CategoryKey[] = ["member_id", "points_balance", "purchase_history"];
const AUDIENCE: CategoryKey[] = ["email", "ad_id", "cookie_id"];
const HOSTED: CategoryKey[] = [
  "name",
  "email",
  "phone",
  "address",
  "birth_date",
  "reservation_history",
  "payment_history",
];
const TP = "third_party_provision" as const;

// One row per entry, kept as a table.
// prettier-ignore
export const streams: readonly ProvisionStream[] = [
  // ── 佐藤 花子
  { subject: "hanako", scene: "reservation", to: ["hotel-sakuratei", "restaurant-mimosa", "restaurant-mimosa", "salon-lumiere"],
    purpose: TP, system: "reservations", items: RESERVE, basis: "USER_APPLICATION", from: 1020, until: 2, count: 26 },
  { subject: "hanako", scene: "reservation", to: ["hotel-lumiere-paris"], purpose: TP, system: "reservations",
    items: RESERVE, basis: "USER_APPLICATION", from: 600, until: 560, count: 2 },
  { subject: "hanako", scene: "reservation", to: ["kr-travelmate"], purpose: TP, system: "reservations",
    items: RESERVE, basis: "USER_APPLICATION", from: 250, until: 240, count: 1 },
  { subject: "hanako", scene: "reservation", to: ["hotel-sakuratei"], purpose: TP, system: "reservations",
    items: [...RESERVE, "health_accessibility"], basis: "CONSENT", consent: "SENSITIVE_PROVISION", from: 290, until: 30, count: 2 },
  { subject: "hanako", scene: "points_link", to: ["points-connect"], purpose: TP, system: "points",
    items: POINTS_FIRST, basis: "USER_APPLICATION", consent: "POINTS_LINK", from: 900, until: 900, count: 1 },
  { subject: "hanako", scene: "points_link", to: ["points-connect"], purpose: TP, system: "points",
    items: POINTS_SYNC, basis: "USER_APPLICATION", consent: "POINTS_LINK", from: 870, until: 5, every: 30 },
  { subject: "hanako", scene: null, to: ["adreach-us"], purpose: "ads", system: "marketing",
    items: AUDIENCE, basis: "CONSENT", consent: "AD_MATCHING", from: 700, until: 10, every: 30 },
  { subject: "hanako", scene: "review", to: ["restaurant-mimosa", "hotel-sakuratei"], purpose: TP, system: "support",
    items: ["reviews", "name", "usage_record"], basis: "CONSENT", consent: "PRIVACY_POLICY", from: 1000, until: 20, count: 6 },
  { subject: "hanako", scene: "survey", to: ["hotel-minato-resorts"], purpose: TP, system: "support",
    items: ["name", "survey_answers", "usage_record"], basis: "CONSENT", consent: "PRIVACY_POLICY", from: 900, until: 60, count: 4 },
  { subject: "hanako", scene: "client_report", to: ["hotel-minato-resorts", "restaurant-mimosa", "hotel-sakuratei"], purpose: TP,
    system: "reservations", items: ["name", "usage_record"], basis: "OPT_OUT", from: 1000, until: 15, count: 8 },
  { subject: "hanako", scene: "card_fraud", to: ["card-sakura"], purpose: "fraud_prevention", system: "payments",
    items: ["name", "usage_record", "payment_history"], basis: "LAW", from: 500, until: 120, count: 2 },
  { subject: "hanako", scene: "job_application", to: ["hospital-aoba", "clinic-hikari"], purpose: TP, system: "recruiting",
    items: APPLY, basis: "USER_APPLICATION", from: 420, until: 380, count: 4 },
  { subject: "hanako", scene: "job_application", to: ["jobboard-bridge"], purpose: TP, system: "recruiting",
    items: ["job_application", "usage_record"], basis: "USER_APPLICATION", from: 400, until: 370, count: 2 },
  { subject: "hanako", scene: "scouting", to: ["scout-mirai"], purpose: TP, system: "recruiting",
    items: ["job_application", "job_preferences"], basis: "CONSENT", consent: "SCOUT", from: 405, until: 3, continuous: true },
  { subject: "hanako", scene: null, to: ["proc-cloud"], purpose: "service_operation", system: "members",
    items: HOSTED, basis: "PROCESSING_ENTRUSTMENT", from: 1040, until: 0, continuous: true },
  { subject: "hanako", scene: null, to: ["proc-mail"], purpose: "ads", system: "marketing",
    items: ["name", "email"], basis: "PROCESSING_ENTRUSTMENT", from: 1035, until: 1, continuous: true },
  { subject: "hanako", scene: null, to: ["proc-payment"], purpose: "service_operation", system: "payments",
    items: ["name", "payment_history"], basis: "PROCESSING_ENTRUSTMENT", from: 1000, until: 5, count: 10 },
  { subject: "hanako", scene: null, to: ["proc-callcenter"], purpose: "service_operation", system: "support",
    items: ["name", "phone", "inquiry_history"], basis: "PROCESSING_ENTRUSTMENT", from: 800, until: 100, count: 2 },
  { subject: "hanako", scene: null, to: ["proc-delivery"], purpose: "service_operation", system: "points",
    items: ["name", "address", "phone"], basis: "PROCESSING_ENTRUSTMENT", from: 900, until: 50, count: 3 },
  // ── 鈴木 一郎
  { subject: "ichiro", scene: "reservation", to: ["hotel-sakuratei", "hotel-minato-resorts", "hotel-minato-resorts", "restaurant-mimosa"],
    purpose: TP, system: "reservations", items: RESERVE, basis: "USER_APPLICATION", from: 960, until: 4, count: 14 },
  { subject: "ichiro", scene: "points_link", to: ["points-midori"], purpose: TP, system: "points",
    items: POINTS_FIRST, basis: "USER_APPLICATION", consent: "POINTS_LINK", from: 850, until: 850, count: 1 },
  { subject: "ichiro", scene: "points_link", to: ["points-midori"], purpose: TP, system: "points",
    items: POINTS_SYNC, basis: "USER_APPLICATION", consent: "POINTS_LINK", from: 840, until: 10, every: 45 },
  { subject: "ichiro", scene: null, to: ["adreach-us"], purpose: "ads", system: "marketing",
    items: AUDIENCE, basis: "CONSENT", consent: "AD_MATCHING", from: 795, until: 370, every: 30 },
  { subject: "ichiro", scene: "client_report", to: ["client-aoba-trading"], purpose: TP, system: "reservations",
    items: ["name", "usage_record"], basis: "CONTRACT", from: 900, until: 30, every: 90 },
  { subject: "ichiro", scene: "survey", to: ["hotel-minato-resorts"], purpose: TP, system: "support",
    items: ["name", "survey_answers", "usage_record"], basis: "CONSENT", consent: "PRIVACY_POLICY", from: 690, until: 300, count: 2 },
  { subject: "ichiro", scene: "card_fraud", to: ["card-sakura"], purpose: "fraud_prevention", system: "payments",
    items: ["name", "usage_record", "payment_history"], basis: "LAW", from: 410, until: 410, count: 1 },
  { subject: "ichiro", scene: null, to: ["proc-cloud"], purpose: "service_operation", system: "members",
    items: HOSTED, basis: "PROCESSING_ENTRUSTMENT", from: 980, until: 0, continuous: true },
  { subject: "ichiro", scene: null, to: ["proc-payment"], purpose: "service_operation", system: "payments",
    items: ["name", "payment_history"], basis: "PROCESSING_ENTRUSTMENT", from: 940, until: 20, count: 6 },
  // ── 高橋 美咲
  { subject: "misaki", scene: "job_application", to: ["hospital-aoba", "clinic-hikari"], purpose: TP, system: "recruiting",
    items: APPLY, basis: "USER_APPLICATION", from: 650, until: 200, count: 3 },
  { subject: "misaki", scene: "job_application", to: ["jobboard-bridge"], purpose: TP, system: "recruiting",
    items: ["job_application", "usage_record"], basis: "USER_APPLICATION", from: 640, until: 600, count: 2 },
  { subject: "misaki", scene: "job_application", to: ["group-career"], purpose: TP, system: "recruiting",
    items: [...APPLY, "job_preferences"], basis: "USER_APPLICATION", from: 480, until: 480, count: 1 },
  { subject: "misaki", scene: "scouting", to: ["scout-mirai"], purpose: TP, system: "recruiting",
    items: ["job_application", "job_preferences"], basis: "CONSENT", consent: "SCOUT", from: 495, until: 2, continuous: true },
  { subject: "misaki", scene: "reservation", to: ["restaurant-mimosa", "salon-lumiere"], purpose: TP, system: "reservations",
    items: RESERVE, basis: "USER_APPLICATION", from: 690, until: 10, count: 6 },
  { subject: "misaki", scene: "review", to: ["restaurant-mimosa"], purpose: TP, system: "support",
    items: ["reviews", "name", "usage_record"], basis: "CONSENT", consent: "PRIVACY_POLICY", from: 600, until: 40, count: 2 },
  { subject: "misaki", scene: null, to: ["group-travel"], purpose: TP, system: "reservations",
    items: RESERVE, basis: "USER_APPLICATION", from: 300, until: 300, count: 1 },
  { subject: "misaki", scene: null, to: ["proc-cloud"], purpose: "service_operation", system: "members",
    items: HOSTED, basis: "PROCESSING_ENTRUSTMENT", from: 700, until: 0, continuous: true },
  { subject: "misaki", scene: null, to: ["proc-mail"], purpose: "ads", system: "marketing",
    items: ["name", "email"], basis: "PROCESSING_ENTRUSTMENT", from: 700, until: 1, continuous: true },
  { subject: "misaki", scene: null, to: ["proc-callcenter"], purpose: "service_operation", system: "support",
    items: ["name", "phone", "inquiry_history"], basis: "PROCESSING_ENTRUSTMENT", from: 320, until: 320, count: 1 },
];

export interface PlannedProvision {
  stream: ProvisionStream;
  recipient: RecipientKey;
  providedAt: Date;
  periodEnd: Date | null;
  keepUntil: Date;
}

/** Expands the streams into single ledger entries, oldest first within each stream. */
export function planProvisions(rng: Rng, clock: Clock): PlannedProvision[] {
  const out: PlannedProvision[] = [];
  for (const stream of streams) {
    const days: number[] = [];
    if (stream.continuous) days.push(stream.from);
    else if (stream.every) {
      for (let d = stream.from; d >= stream.until; d -= stream.every)
        days.push(Math.max(stream.until, d - randInt(rng, 0, 3)));
    } else {
      for (let i = 0; i < (stream.count ?? 1); i++)
        days.push(randInt(rng, stream.until, stream.from));
      days.sort((a, b) => b - a);
    }
    for (const d of days) {
      const providedAt = clock.daysAgo(d, randInt(rng, 9, 20), randInt(rng, 0, 59));
      const periodEnd = stream.continuous ? clock.daysAgo(stream.until, 3, 0) : null;
      const last = periodEnd ?? providedAt;
      // Records are kept 3 years; 1 year from the last provision where a contract substitutes.
      const keepUntil = clock.addYears(last, stream.basis === "CONTRACT" ? 1 : 3);
      out.push({ stream, recipient: pick(rng, stream.to), providedAt, periodEnd, keepUntil });
    }
  }
  return out;
}

// One row per entry, kept as a table.
// prettier-ignore
export const lawEnforcementDisclosures = [
  { authority: "police-tokyo", subject: "ichiro", basis: "INQUIRY", daysAgo: 610, recordedBy: "manager", approvedBy: "manager2",
    issuingOfficer: "警視庁 渋谷警察署 刑事課 巡査部長 田村 健",
    scope: "照会書記載の予約1件について、予約者の氏名・電話番号・予約日時", items: ["name", "phone", "reservation_history"],
    note: "捜査関係事項照会書（刑事訴訟法197条2項）の様式・法的根拠を確認のうえ、必要かつ相当な範囲に限定して回答" },
  { authority: "police-osaka", basis: "WARRANT", daysAgo: 430, recordedBy: "manager2", approvedBy: "manager",
    issuingOfficer: "大阪府警察 曽根崎警察署 生活安全課 警部補 西田 聡",
    scope: "差押許可状記載の会員1名の登録情報・接続元IPアドレス・決済履歴（指定期間3か月分）",
    items: ["name", "email", "ip_address", "payment_history"], note: "令状の記載範囲に限り提供" },
  { authority: "police-tokyo", basis: "INQUIRY", daysAgo: 295, recordedBy: "manager", approvedBy: "admin",
    issuingOfficer: "警視庁 新宿警察署 刑事組織犯罪対策課 巡査部長 小川 亮",
    scope: "照会書記載の会員1名の氏名・電話番号", items: ["name", "phone"],
    note: "照会事項のうち、利用履歴については必要性の説明がなかったため回答対象外とした" },
  { authority: "police-osaka", basis: "INQUIRY", daysAgo: 150, recordedBy: "manager", approvedBy: "manager2",
    issuingOfficer: "大阪府警察 天満警察署 刑事課 巡査長 上田 彩花",
    scope: "照会書記載の予約2件の予約者氏名", items: ["name", "reservation_history"],
    note: "要配慮個人情報は令状によらない限り提供しない方針に基づき、配慮事項欄は除外" },
  { authority: "police-tokyo", basis: "WARRANT", daysAgo: 40, recordedBy: "manager2", approvedBy: "manager",
    issuingOfficer: "警視庁 サイバー犯罪対策課 警部 石井 大輔",
    scope: "令状記載の会員1名の登録情報・決済履歴・利用実績", items: ["name", "address", "payment_history", "usage_record"],
    note: "令状の記載範囲に限り提供" },
] as const satisfies readonly {
  authority: RecipientKey; subject?: SubjectKey; basis: "WARRANT" | "INQUIRY" | "OTHER_LAW"; daysAgo: number;
  /** Local parts of the staff accounts (organisation.ts): four eyes, never the same person. */
  recordedBy: "manager" | "manager2" | "admin"; approvedBy: "manager" | "manager2" | "admin";
  issuingOfficer: string; scope: string; items: CategoryKey[]; note: string;
}[];

/**
 * Personal data received from third parties (APPI Art.30), as the systems push them through
 * /api/v1/receipts: the provider as confirmed on receipt and how it obtained the data.
 */
// prettier-ignore
export const receipts = [
  { subject: "hanako", system: "points", daysAgo: 420, eventId: "pts-rcv-00001",
    providerName: "株式会社ポイントアライアンス", providerAddress: "東京都港区芝公園二丁目4番1号",
    providerRepresentative: "代表取締役 岡本 直樹",
    acquisitionMethod: "提供元の共通ポイント会員規約に基づき、本人が会員登録時に入力し、当社との連携に同意したもの",
    items: ["name", "email", "points_balance"], basis: "CONSENT" },
  { subject: "hanako", system: "marketing", daysAgo: 95, eventId: "mkt-rcv-00001",
    providerName: "株式会社データブリッジ", providerAddress: "大阪府大阪市北区梅田三丁目1番3号",
    providerRepresentative: "代表取締役 森下 京子",
    acquisitionMethod: "提供元が運営するアンケートサイトで本人から直接取得し、第三者提供への同意を得たもの",
    items: ["survey_answers", "email"], basis: "CONSENT" },
  { subject: "ichiro", system: "recruiting", daysAgo: 200, eventId: "rec-rcv-00001",
    providerName: "株式会社キャリアリンク", providerAddress: "東京都千代田区丸の内一丁目9番2号",
    providerRepresentative: "代表取締役 石井 大輔",
    acquisitionMethod: "提供元の転職支援サービスで本人が登録し、当社への応募にあたり提供に同意したもの",
    items: ["name", "job_application", "job_preferences"], basis: "CONSENT" },
] as const;
