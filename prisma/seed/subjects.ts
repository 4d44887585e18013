import type { PurposeKey, SystemKey } from "./data-map";
import type { RecipientKey } from "./recipients";

// The three demo data subjects (fictional people), their IDs in each system, their consents and
// restrictions. Their personal data items are in personal-data.ts.

export interface SubjectProfile {
  key: "hanako" | "ichiro" | "misaki";
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  gender: string;
  email: string;
  phone: string;
  postalCode: string;
  address: string;
  /** Days before now when the person registered a Sakura Link ID. */
  registeredDaysAgo: number;
  /** A portal account (role SUBJECT) with the same email, when the person has one. */
  user?: { locale: "ja" | "en" };
  externalIds: Partial<Record<SystemKey, string>>;
}

export type SubjectKey = SubjectProfile["key"];

export const subjects: readonly SubjectProfile[] = [
  {
    key: "hanako",
    familyName: "佐藤",
    givenName: "花子",
    familyNameKana: "サトウ",
    givenNameKana: "ハナコ",
    birthDate: "1990-04-12",
    gender: "女性",
    email: "hanako.sato@example.jp",
    phone: "090-2468-1357",
    postalCode: "154-0015",
    address: "東京都世田谷区桜新町二丁目8番3号 サクラハイツ305",
    registeredDaysAgo: 1040,
    user: { locale: "ja" },
    externalIds: {
      members: "SL-00031842",
      reservations: "RSV-C-558213",
      points: "SP-4410-2280-3187",
      recruiting: "CAN-200441",
      marketing: "MK-9F31A2C7",
      analytics: "ANON-7C1E9B2D",
      support: "SUP-10482",
      payments: "PAY-CUS-77120",
    },
  },
  {
    key: "ichiro",
    familyName: "鈴木",
    givenName: "一郎",
    familyNameKana: "スズキ",
    givenNameKana: "イチロウ",
    birthDate: "1978-11-03",
    gender: "男性",
    email: "ichiro.suzuki@example.jp",
    phone: "080-3141-5926",
    postalCode: "530-0043",
    address: "大阪府大阪市北区天満四丁目12番5号 天満コーポ201",
    registeredDaysAgo: 980,
    user: { locale: "ja" },
    externalIds: {
      members: "SL-00029377",
      reservations: "RSV-C-541190",
      points: "SP-4410-1975-0262",
      marketing: "MK-0B44D1E9",
      analytics: "ANON-3A90F4C8",
      support: "SUP-09917",
      payments: "PAY-CUS-70355",
    },
  },
  {
    key: "misaki",
    familyName: "高橋",
    givenName: "美咲",
    familyNameKana: "タカハシ",
    givenNameKana: "ミサキ",
    birthDate: "1995-07-21",
    gender: "女性",
    email: "misaki.takahashi@example.jp",
    phone: "070-5820-4613",
    postalCode: "464-0850",
    address: "愛知県名古屋市千種区今池三丁目15番8号 今池レジデンス702",
    registeredDaysAgo: 700,
    externalIds: {
      members: "SL-00045120",
      reservations: "RSV-C-603877",
      recruiting: "CAN-213906",
      marketing: "MK-5D2E8F10",
      analytics: "ANON-E41B6A07",
      support: "SUP-12230",
    },
  },
];

export interface ConsentSeed {
  subject: SubjectKey;
  kind: string;
  recipient?: RecipientKey;
  purpose?: PurposeKey;
  reference: string;
  descriptionJa: string;
  descriptionEn: string;
  grantedDaysAgo: number;
  withdrawnDaysAgo?: number;
}

const policyConsent = (subject: SubjectKey, grantedDaysAgo: number): ConsentSeed => ({
  subject,
  kind: "PRIVACY_POLICY",
  reference: "PP-2022-08-01",
  descriptionJa: "会員登録時にプライバシーポリシー（2022年8月1日改定版）に同意",
  descriptionEn: "Agreed to the privacy policy (revised 1 August 2022) when registering",
  grantedDaysAgo,
});

// One row per entry, kept as a table.
// prettier-ignore
export const consents: readonly ConsentSeed[] = [
  policyConsent("hanako", 1040),
  { subject: "hanako", kind: "POINTS_LINK", recipient: "points-connect", purpose: "third_party_provision",
    reference: "LINK-CP-88001234", grantedDaysAgo: 900,
    descriptionJa: "サクラリンクIDとCポイント会員IDを連携", descriptionEn: "Linked the Sakura Link ID with a C-Point member ID" },
  { subject: "hanako", kind: "AD_MATCHING", recipient: "adreach-us", purpose: "ads",
    reference: "ADM-2024-HS-0117", grantedDaysAgo: 720,
    descriptionJa: "広告配信のためのAdReach社（米国）とのオーディエンス照合に同意", descriptionEn: "Agreed to audience matching with AdReach, Inc. (US) for advertising" },
  { subject: "hanako", kind: "SCOUT", recipient: "scout-mirai", purpose: "third_party_provision",
    reference: "SCT-HS-5521", grantedDaysAgo: 410,
    descriptionJa: "スカウトサービスへの職務経歴・希望条件の公開に同意", descriptionEn: "Agreed to show work history and preferences on the scouting service" },
  { subject: "hanako", kind: "SENSITIVE_PROVISION", recipient: "hotel-sakuratei", purpose: "third_party_provision",
    reference: "SEN-RSV-30871", grantedDaysAgo: 300,
    descriptionJa: "宿泊予約の配慮事項（健康に関する情報）を宿泊施設へ提供することに同意",
    descriptionEn: "Agreed to give the hotel the health-related accessibility needs entered for a booking" },
  policyConsent("ichiro", 980),
  { subject: "ichiro", kind: "POINTS_LINK", recipient: "points-midori", purpose: "third_party_provision",
    reference: "LINK-MP-51177302", grantedDaysAgo: 850,
    descriptionJa: "サクラリンクIDとみどりポイントのアカウントを連携", descriptionEn: "Linked the Sakura Link ID with a Midori Points account" },
  { subject: "ichiro", kind: "AD_MATCHING", recipient: "adreach-us", purpose: "ads",
    reference: "ADM-2024-IS-0093", grantedDaysAgo: 800, withdrawnDaysAgo: 365,
    descriptionJa: "広告配信のためのAdReach社（米国）とのオーディエンス照合に同意（後に撤回）",
    descriptionEn: "Agreed to audience matching with AdReach, Inc. (US) for advertising (later withdrawn)" },
  policyConsent("misaki", 700),
  { subject: "misaki", kind: "SCOUT", recipient: "scout-mirai", purpose: "third_party_provision",
    reference: "SCT-MT-6034", grantedDaysAgo: 500,
    descriptionJa: "スカウトサービスへの職務経歴・希望条件の公開に同意", descriptionEn: "Agreed to show work history and preferences on the scouting service" },
];

/** Active restrictions (APPI Art.35): 鈴木 一郎 asked us to stop using his data for research. */
export const restrictions = [
  { subject: "ichiro", kind: "PURPOSE", purpose: "research", effectiveDaysAgo: 200 },
] as const satisfies readonly {
  subject: SubjectKey;
  kind: string;
  purpose?: PurposeKey;
  effectiveDaysAgo: number;
}[];
