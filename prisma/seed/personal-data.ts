import type { CategoryKey, SystemKey } from "./data-map";
import type { SubjectKey, SubjectProfile } from "./subjects";

// The personal data items each demo subject has in each system, with how they were obtained
// (取得の経緯). Informative data is marked linkedToPerson only once tied to the person's ID.

export interface ItemSeed {
  subject: SubjectKey;
  system: SystemKey;
  category: CategoryKey;
  field: string;
  value: string;
  source: "DIRECT" | "AUTOMATIC" | "THIRD_PARTY" | "PUBLIC";
  sourceNote: string;
  daysAgo: number;
  linkedToPerson?: boolean;
  /** Years after collection the item is kept; omitted = until the purpose ends. */
  retainYears?: number;
  legalHoldReason?: string;
}

const REGISTRATION = "サクラリンクIDの会員登録時にご本人が入力";
const COOKIE = "当社サイト・アプリの閲覧時にCookie等により自動的に記録";
const LINKED = "会員ログイン後に閲覧されたため、Cookie IDと会員IDを紐付け（個人情報として管理）";
const UNLINKED = "ログイン前の閲覧で記録。会員IDとは紐付けておらず、単体では個人を識別できません";
const TAX_HOLD =
  "法人税法に基づく帳簿書類の保存義務（7年間）のため、消去請求があっても保存期間満了まで保管";

/** The registration details every member has in the member-accounts system. */
export function registrationItems(p: SubjectProfile): ItemSeed[] {
  const base = {
    subject: p.key,
    system: "members" as const,
    source: "DIRECT" as const,
    sourceNote: REGISTRATION,
    daysAgo: p.registeredDaysAgo,
  };
  return [
    { ...base, category: "name", field: "fullName", value: `${p.familyName} ${p.givenName}` },
    {
      ...base,
      category: "name_kana",
      field: "fullNameKana",
      value: `${p.familyNameKana} ${p.givenNameKana}`,
    },
    { ...base, category: "birth_date", field: "birthDate", value: p.birthDate },
    { ...base, category: "gender", field: "gender", value: p.gender },
    { ...base, category: "address", field: "address", value: `〒${p.postalCode} ${p.address}` },
    { ...base, category: "phone", field: "phone", value: p.phone },
    { ...base, category: "email", field: "email", value: p.email },
    { ...base, category: "member_id", field: "sakuraLinkId", value: p.externalIds.members ?? "" },
  ];
}

// One row per entry, kept as a table.
// prettier-ignore
export const items: readonly ItemSeed[] = [
  // ── 佐藤 花子
  { subject: "hanako", system: "reservations", category: "reservation_history", field: "reservations", value: "予約 31件（宿泊 12件・飲食 15件・美容 4件）、うち海外 3件",
    source: "DIRECT", sourceNote: "ネット予約の申込時にご本人が入力", daysAgo: 1020 },
  { subject: "hanako", system: "reservations", category: "usage_record", field: "visitConfirmations", value: "来店・宿泊実績 27件、利用金額合計 486,200円",
    source: "THIRD_PARTY", sourceNote: "予約先の宿泊施設・飲食店から来店・宿泊実績の報告を受領（プライバシーポリシー5）", daysAgo: 990 },
  { subject: "hanako", system: "reservations", category: "health_accessibility", field: "accessibilityNeeds",
    value: "持病（気管支喘息）のため禁煙室と羽毛以外の寝具を希望",
    source: "DIRECT", sourceNote: "宿泊予約の「ご要望」欄にご本人が入力。ご本人が希望した宿泊予約の提供のためにのみ利用し、提供はご本人の同意がある場合に限ります",
    daysAgo: 300, retainYears: 1 },
  { subject: "hanako", system: "points", category: "points_balance", field: "balance", value: "3,240ポイント（うち期間限定 500ポイント）",
    source: "AUTOMATIC", sourceNote: "ポイントの付与・利用に伴い自動的に記録", daysAgo: 6 },
  { subject: "hanako", system: "points", category: "member_id", field: "linkedCPointId", value: "8800-1234-5678-7731",
    source: "DIRECT", sourceNote: "ご本人がCポイントとのID連携を申し込んだ際に入力", daysAgo: 900 },
  { subject: "hanako", system: "points", category: "purchase_history", field: "pointPurchases", value: "ポイント対象の購入 58件（直近12か月 18件）",
    source: "AUTOMATIC", sourceNote: "ポイント対象サービスの利用時に自動的に記録", daysAgo: 880 },
  { subject: "hanako", system: "recruiting", category: "job_application", field: "careerSummary",
    value: "看護師（急性期病棟）8年。2016年〜2020年 市立病院、2020年〜現在 都内総合病院 内科病棟勤務",
    source: "DIRECT", sourceNote: "求職サービスの職務経歴書にご本人が入力", daysAgo: 430 },
  { subject: "hanako", system: "recruiting", category: "job_application", field: "nursingLicence", value: "看護師免許 登録あり（資格確認済み）",
    source: "PUBLIC", sourceNote: "ご本人の申告に基づき、公開されている看護師等資格確認検索で登録の有無を確認", daysAgo: 428 },
  { subject: "hanako", system: "recruiting", category: "job_preferences", field: "desiredConditions", value: "日勤のみ・東京都内・年収480万円以上・半年以内の入職",
    source: "DIRECT", sourceNote: "求職サービスの希望条件にご本人が入力", daysAgo: 425 },
  { subject: "hanako", system: "recruiting", category: "job_application", field: "selectionResult", value: "青葉台総合病院: 一次面接 通過／ひかりクリニック: 書類選考 見送り",
    source: "THIRD_PARTY", sourceNote: "応募先の求人企業から選考結果を受領（プライバシーポリシー5）", daysAgo: 360 },
  { subject: "hanako", system: "marketing", category: "email", field: "newsletter", value: "メールマガジン: 受信する（旅行・グルメ）",
    source: "DIRECT", sourceNote: "会員設定画面でご本人が選択", daysAgo: 1035 },
  { subject: "hanako", system: "marketing", category: "ad_id", field: "advertisingId", value: "3f2b9c1e-7a44-4d0b-9e6a-51c2d8f0a913",
    source: "AUTOMATIC", sourceNote: "アプリ利用時に端末の広告識別子を取得し、会員IDと紐付け", daysAgo: 700 },
  { subject: "hanako", system: "analytics", category: "cookie_id", field: "sl_uid", value: "SLU.1.1938475610.1697001234",
    source: "AUTOMATIC", sourceNote: `${COOKIE}。${LINKED}`, daysAgo: 1030, retainYears: 2 },
  { subject: "hanako", system: "analytics", category: "cookie_id", field: "anonymousCookie", value: "SLA.1.2290417735.1712345678",
    source: "AUTOMATIC", sourceNote: `${COOKIE}。${UNLINKED}`, daysAgo: 540, linkedToPerson: false, retainYears: 2 },
  { subject: "hanako", system: "analytics", category: "ip_address", field: "lastIpAddress", value: "203.0.113.45",
    source: "AUTOMATIC", sourceNote: "ログイン時の接続元として自動的に記録", daysAgo: 2, retainYears: 1 },
  { subject: "hanako", system: "analytics", category: "location", field: "approximateLocation", value: "東京都世田谷区付近（アプリの位置情報、市区町村単位）",
    source: "AUTOMATIC", sourceNote: "アプリで位置情報の利用を許可された際に取得。会員IDとは紐付けていません", daysAgo: 45, linkedToPerson: false, retainYears: 1 },
  { subject: "hanako", system: "analytics", category: "browsing_log", field: "recentPages", value: "宿泊施設の詳細ページ 42件、求人詳細ページ 17件（直近30日）",
    source: "AUTOMATIC", sourceNote: `${COOKIE}。${LINKED}`, daysAgo: 30, retainYears: 1 },
  { subject: "hanako", system: "support", category: "inquiry_history", field: "inquiries", value: "2件: ポイント付与漏れ（解決済み）、予約キャンセル料の確認（解決済み）",
    source: "DIRECT", sourceNote: "お問い合わせフォーム・電話でご本人から受付", daysAgo: 620 },
  { subject: "hanako", system: "support", category: "survey_answers", field: "hotelSurvey", value: "満足度 5／5「スタッフの対応が丁寧で、部屋も清潔でした」",
    source: "DIRECT", sourceNote: "宿泊後アンケートにご本人が回答", daysAgo: 610 },
  { subject: "hanako", system: "support", category: "reviews", field: "reviews", value: "口コミ 6件（平均 ★4.3）。最新:「前菜の盛り合わせが美味しい。週末は混雑」",
    source: "DIRECT", sourceNote: "口コミ投稿フォームにご本人が投稿", daysAgo: 25 },
  { subject: "hanako", system: "payments", category: "payment_history", field: "cardPayments", value: "VISA 下4桁 4242、カード決済 24件・合計 312,800円",
    source: "DIRECT", sourceNote: "予約・購入時の決済でご本人が入力（カード番号は決済代行会社が保管し、当社は下4桁のみ保持）",
    daysAgo: 1000, retainYears: 7, legalHoldReason: TAX_HOLD },
  // ── 鈴木 一郎
  { subject: "ichiro", system: "reservations", category: "reservation_history", field: "reservations", value: "予約 14件（宿泊 10件・飲食 4件）。主に出張",
    source: "DIRECT", sourceNote: "ネット予約の申込時にご本人が入力", daysAgo: 960 },
  { subject: "ichiro", system: "members", category: "member_id", field: "corporateMemberId", value: "AOBA-00412（株式会社あおば商事 法人会員）",
    source: "THIRD_PARTY", sourceNote: "法人契約先の株式会社あおば商事から従業員として登録を受領", daysAgo: 975 },
  { subject: "ichiro", system: "points", category: "member_id", field: "linkedMidoriId", value: "MP-5117-7302",
    source: "DIRECT", sourceNote: "ご本人がみどりポイントとのID連携を申し込んだ際に入力", daysAgo: 850 },
  { subject: "ichiro", system: "points", category: "points_balance", field: "balance", value: "12,480ポイント",
    source: "AUTOMATIC", sourceNote: "ポイントの付与・利用に伴い自動的に記録", daysAgo: 3 },
  { subject: "ichiro", system: "marketing", category: "ad_id", field: "advertisingId", value: "a91c0e55-2b7d-4f18-8c3e-0d6f4b2a7e10",
    source: "AUTOMATIC", sourceNote: "アプリ利用時に端末の広告識別子を取得。オーディエンス照合の同意撤回後は照合に使用していません", daysAgo: 790 },
  { subject: "ichiro", system: "analytics", category: "cookie_id", field: "anonymousCookie", value: "SLA.1.1740032291.1701122334",
    source: "AUTOMATIC", sourceNote: `${COOKIE}。${UNLINKED}`, daysAgo: 400, linkedToPerson: false, retainYears: 2 },
  { subject: "ichiro", system: "analytics", category: "ip_address", field: "lastIpAddress", value: "198.51.100.23",
    source: "AUTOMATIC", sourceNote: "ログイン時の接続元として自動的に記録", daysAgo: 4, retainYears: 1 },
  { subject: "ichiro", system: "support", category: "survey_answers", field: "businessTripSurvey", value: "出張時の重視点: 駅からの近さ・朝食・Wi-Fi",
    source: "DIRECT", sourceNote: "みなとリゾートの依頼で実施したアンケートにご本人が回答", daysAgo: 690 },
  { subject: "ichiro", system: "payments", category: "payment_history", field: "cardPayments", value: "Mastercard 下4桁 5100、カード決済 9件・合計 168,400円",
    source: "DIRECT", sourceNote: "予約時の決済でご本人が入力（当社は下4桁のみ保持）", daysAgo: 940, retainYears: 7, legalHoldReason: TAX_HOLD },
  // ── 高橋 美咲
  { subject: "misaki", system: "recruiting", category: "job_application", field: "careerSummary", value: "医療事務 4年（調剤薬局 2年・クリニック受付 2年）。医療事務技能審査 合格",
    source: "DIRECT", sourceNote: "求職サービスの職務経歴書にご本人が入力", daysAgo: 660 },
  { subject: "misaki", system: "recruiting", category: "job_preferences", field: "desiredConditions", value: "名古屋市内・土日休み・月給23万円以上",
    source: "DIRECT", sourceNote: "求職サービスの希望条件にご本人が入力", daysAgo: 655 },
  { subject: "misaki", system: "recruiting", category: "job_application", field: "partnerApplication", value: "ジョブブリッジ経由の応募 2件",
    source: "THIRD_PARTY", sourceNote: "提携先のジョブブリッジ株式会社から応募情報を受領", daysAgo: 630 },
  { subject: "misaki", system: "reservations", category: "reservation_history", field: "reservations", value: "予約 6件（飲食 4件・美容 2件）",
    source: "DIRECT", sourceNote: "ネット予約の申込時にご本人が入力", daysAgo: 680 },
  { subject: "misaki", system: "marketing", category: "email", field: "newsletter", value: "メールマガジン: 受信する（求人情報）",
    source: "DIRECT", sourceNote: "会員設定画面でご本人が選択", daysAgo: 700 },
  { subject: "misaki", system: "analytics", category: "browsing_log", field: "recentPages", value: "求人詳細ページ 23件（直近30日）",
    source: "AUTOMATIC", sourceNote: `${COOKIE}。${LINKED}`, daysAgo: 12, retainYears: 1 },
  { subject: "misaki", system: "analytics", category: "location", field: "approximateLocation", value: "愛知県名古屋市千種区付近（市区町村単位）",
    source: "AUTOMATIC", sourceNote: "アプリで位置情報の利用を許可された際に取得。会員IDとは紐付けていません", daysAgo: 60, linkedToPerson: false, retainYears: 1 },
  { subject: "misaki", system: "support", category: "inquiry_history", field: "inquiries", value: "1件: スカウトメールの受信設定について（解決済み）",
    source: "DIRECT", sourceNote: "お問い合わせフォームでご本人から受付", daysAgo: 320 },
];
