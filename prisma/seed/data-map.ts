import type { Prisma } from "@/lib/generated/prisma/client";
import type { DataSource } from "@/lib/generated/prisma/enums";

// The data map: systems, data categories, purposes (exactly those of the privacy policy, §2) and
// which system uses which category for which purpose.

type SystemRow = Omit<Prisma.DataSystemCreateManyInput, "id">;

export const systems = [
  {
    key: "members",
    nameJa: "会員基盤",
    nameEn: "Member accounts",
    descriptionJa:
      "サクラリンクIDの会員登録情報（氏名・連絡先・生年月日など）とログイン履歴を管理します。",
    descriptionEn:
      "Sakura Link ID registrations (name, contact details, birth date) and sign-in history.",
    connector: "INTERNAL",
  },
  {
    key: "reservations",
    nameJa: "予約",
    nameEn: "Reservations",
    descriptionJa: "宿泊施設・飲食店・美容サロンのネット予約と来店・利用実績を管理します。",
    descriptionEn:
      "Online reservations at hotels, restaurants and beauty salons, and the visits made.",
    connector: "HTTP",
    // Nothing listens at the endpoint in the demo: in demo mode the portal's simulated system
    // answers instead (lib/fulfilment/engine/demo-system.ts).
    config: { endpoint: "http://127.0.0.1:4010/dsar", timeoutMs: 10_000, simulateInDemo: true },
    secret: "demo-hmac-secret-reservations-0b7e4c2a9d",
  },
  {
    key: "points",
    nameJa: "ポイント",
    nameEn: "Points programme",
    descriptionJa: "サクラポイントの付与・利用と、提携ポイントプログラムとのID連携を管理します。",
    descriptionEn: "Sakura Points earned and spent, and ID links with partner points programmes.",
    connector: "INTERNAL",
  },
  {
    key: "recruiting",
    nameJa: "採用・求職支援",
    nameEn: "Job applications",
    descriptionJa: "求職サービスの履歴書・職務経歴・希望条件、応募とスカウトの記録を管理します。",
    descriptionEn:
      "Résumés, work history and preferences, applications and scouting on the job service.",
    connector: "MANUAL",
  },
  {
    key: "marketing",
    nameJa: "広告配信",
    nameEn: "Marketing and ads",
    descriptionJa:
      "メールマガジン、キャンペーン案内、広告配信用のオーディエンスリストを管理します。",
    descriptionEn: "Newsletters, campaign notices and audience lists for ad delivery.",
    connector: "MANUAL",
  },
  {
    key: "analytics",
    nameJa: "アクセス解析",
    nameEn: "Web analytics",
    descriptionJa: "Cookie・IPアドレス・閲覧履歴などのインフォマティブ情報を収集・分析します。",
    descriptionEn:
      "Collects and analyses informative data such as cookies, IP addresses and browsing logs.",
    connector: "INTERNAL",
  },
  {
    key: "support",
    nameJa: "お問い合わせ",
    nameEn: "Customer support",
    descriptionJa:
      "お問い合わせ・ご意見の内容と回答の記録、アンケート回答、口コミ投稿を管理します。",
    descriptionEn: "Enquiries and our answers, survey answers and posted reviews.",
    connector: "INTERNAL",
  },
  {
    key: "payments",
    nameJa: "決済・不正検知",
    nameEn: "Payments and fraud checks",
    descriptionJa:
      "カード決済の履歴と不正利用検知の記録を管理します。決済記録は税法上の保存義務があります。",
    descriptionEn:
      "Card payment history and fraud-detection records. Payment records must be kept under tax law.",
    connector: "MANUAL",
  },
] as const satisfies readonly SystemRow[];

type CategoryRow = Omit<Prisma.DataCategoryCreateManyInput, "id" | "sortOrder">;

// One row per entry, kept as a table.
// prettier-ignore
export const categories = [
  { key: "name", nameJa: "氏名", nameEn: "Name", dataClass: "ORDINARY",
    descriptionJa: "会員登録・予約・応募・お問い合わせの際にいただくお名前", descriptionEn: "Your name as given when registering, booking, applying or contacting us" },
  { key: "name_kana", nameJa: "氏名（カナ）", nameEn: "Name (kana)", dataClass: "ORDINARY",
    descriptionJa: "お名前のフリガナ", descriptionEn: "The kana reading of your name" },
  { key: "birth_date", nameJa: "生年月日", nameEn: "Date of birth", dataClass: "ORDINARY",
    descriptionJa: "年齢の確認と、年代別のサービス・ご案内のため", descriptionEn: "To confirm your age and tailor services and notices to your age group" },
  { key: "gender", nameJa: "性別", nameEn: "Gender", dataClass: "ORDINARY",
    descriptionJa: "会員登録時に任意でご回答いただいた性別", descriptionEn: "Gender, if you chose to give it when registering" },
  { key: "address", nameJa: "住所", nameEn: "Postal address", dataClass: "ORDINARY",
    descriptionJa: "郵便番号・住所（キャンペーン景品や書類の送付先）", descriptionEn: "Postal code and address (where we send prizes and documents)" },
  { key: "phone", nameJa: "電話番号", nameEn: "Phone number", dataClass: "ORDINARY",
    descriptionJa: "ご本人への連絡と本人確認のため", descriptionEn: "To contact you and confirm it is you" },
  { key: "email", nameJa: "メールアドレス", nameEn: "Email address", dataClass: "ORDINARY",
    descriptionJa: "ログイン、ご連絡、メールマガジンの配信先", descriptionEn: "For signing in, contacting you and sending newsletters" },
  { key: "member_id", nameJa: "会員ID", nameEn: "Member ID", dataClass: "ORDINARY",
    descriptionJa: "サクラリンクID、法人会員ID、提携ポイントプログラムとの連携ID", descriptionEn: "Sakura Link ID, corporate member ID and IDs linked with partner points programmes" },
  { key: "purchase_history", nameJa: "購買履歴", nameEn: "Purchase history", dataClass: "ORDINARY",
    descriptionJa: "ポイント対象サービスでのご購入の記録", descriptionEn: "Purchases made with services that earn points" },
  { key: "reservation_history", nameJa: "予約履歴", nameEn: "Reservation history", dataClass: "ORDINARY",
    descriptionJa: "宿泊施設・飲食店・美容サロンのネット予約の内容", descriptionEn: "Online reservations at hotels, restaurants and beauty salons" },
  { key: "usage_record", nameJa: "利用実績", nameEn: "Usage record", dataClass: "ORDINARY",
    descriptionJa: "来店・宿泊・成約などサービスの利用実績と金額", descriptionEn: "Visits, stays, contracts and amounts" },
  { key: "payment_history", nameJa: "カード決済履歴", nameEn: "Card payment history", dataClass: "ORDINARY",
    descriptionJa: "カード決済の日時・金額とカード番号の下4桁（カード番号全体は保持しません）", descriptionEn: "Dates, amounts and the last four digits of the card (we never hold the full number)" },
  { key: "points_balance", nameJa: "ポイント残高・利用履歴", nameEn: "Points balance and use", dataClass: "ORDINARY",
    descriptionJa: "サクラポイントの残高と付与・利用の記録", descriptionEn: "Your Sakura Points balance and the points earned and spent" },
  { key: "job_application", nameJa: "応募履歴・職務経歴", nameEn: "Job applications and work history", dataClass: "ORDINARY",
    descriptionJa: "履歴書、エントリーシート、職務経歴書", descriptionEn: "Résumé, entry sheet, work history" },
  { key: "job_preferences", nameJa: "希望条件", nameEn: "Job preferences", dataClass: "ORDINARY",
    descriptionJa: "希望する勤務地・職種・勤務時間・年収などの条件", descriptionEn: "Preferred place, kind of work, hours and pay" },
  { key: "survey_answers", nameJa: "アンケート回答", nameEn: "Survey answers", dataClass: "ORDINARY",
    descriptionJa: "利用後アンケートやモニター調査へのご回答", descriptionEn: "Your answers to post-visit surveys and monitor research" },
  { key: "reviews", nameJa: "口コミ投稿", nameEn: "Reviews", dataClass: "ORDINARY",
    descriptionJa: "投稿された口コミ・評価・写真", descriptionEn: "Reviews, ratings and photos you posted" },
  { key: "inquiry_history", nameJa: "お問い合わせ内容", nameEn: "Enquiries", dataClass: "ORDINARY",
    descriptionJa: "お問い合わせ・ご意見の内容と当社の回答の記録", descriptionEn: "What you asked or told us, and our answers" },
  {
    key: "health_accessibility",
    nameJa: "健康に関する配慮事項（要配慮個人情報）",
    nameEn: "Health-related accessibility needs (special-care data)",
    dataClass: "SENSITIVE",
    descriptionJa:
      "予約時にご本人が入力した、障害・病歴などに基づく配慮のご希望。ご本人が利用を希望したサービス（その予約の提供）のためにのみ利用し、本人の同意なく第三者に提供しません。",
    descriptionEn:
      "Accessibility needs based on disability or medical history that the person entered when booking. Used only for the service the person asked for (that reservation) and never provided to a third party without their consent.",
  },
  { key: "cookie_id", nameJa: "Cookie ID", nameEn: "Cookie ID", dataClass: "INFORMATIVE",
    descriptionJa: "当社サイト・アプリがブラウザに保存する識別子", descriptionEn: "Identifiers our sites and apps store in your browser" },
  { key: "ip_address", nameJa: "IPアドレス", nameEn: "IP address", dataClass: "INFORMATIVE",
    descriptionJa: "接続元のIPアドレス（不正アクセス対策と利用状況の分析のため）", descriptionEn: "The address you connect from (against unauthorised access, and for usage analysis)" },
  { key: "ad_id", nameJa: "広告識別子（AAID・IDFA）", nameEn: "Advertising ID (AAID/IDFA)", dataClass: "INFORMATIVE",
    descriptionJa: "スマートフォンの広告用識別子", descriptionEn: "Your phone's advertising identifier" },
  { key: "location", nameJa: "位置情報", nameEn: "Location data", dataClass: "INFORMATIVE",
    descriptionJa: "アプリで許可された場合の市区町村単位のおおよその位置", descriptionEn: "Approximate location (town or ward), if you allowed it in the app" },
  { key: "browsing_log", nameJa: "閲覧履歴", nameEn: "Browsing log", dataClass: "INFORMATIVE",
    descriptionJa: "当社サイト・アプリで閲覧したページの記録", descriptionEn: "The pages you viewed on our sites and apps" },
] as const satisfies readonly CategoryRow[];

export type CategoryKey = (typeof categories)[number]["key"];

const MEMBER = { retentionJa: "退会後5年間", retentionEn: "Five years after the membership ends" };
const LOGS = { retentionJa: "取得から13か月", retentionEn: "13 months from collection" };

/**
 * What the privacy notice says of each category (ISO/IEC 29184 5.3.5, 5.3.9): how it is obtained
 * and how long it is kept, as the seeds' policy describes its services.
 */
// prettier-ignore
export const categoryNotice: Record<
  CategoryKey,
  { sources: DataSource[]; retentionJa: string; retentionEn: string }
> = {
  name: { sources: ["DIRECT"], ...MEMBER },
  name_kana: { sources: ["DIRECT"], ...MEMBER },
  birth_date: { sources: ["DIRECT"], ...MEMBER },
  gender: { sources: ["DIRECT"], ...MEMBER },
  address: { sources: ["DIRECT"], ...MEMBER },
  phone: { sources: ["DIRECT"], ...MEMBER },
  email: { sources: ["DIRECT"], ...MEMBER },
  member_id: { sources: ["DIRECT", "THIRD_PARTY"], ...MEMBER },
  purchase_history: { sources: ["AUTOMATIC", "THIRD_PARTY"], ...MEMBER },
  reservation_history: { sources: ["DIRECT"], ...MEMBER },
  usage_record: { sources: ["AUTOMATIC", "THIRD_PARTY"], ...MEMBER },
  payment_history: { sources: ["DIRECT"], retentionJa: "取引から7年間（法人税法による保存義務）", retentionEn: "Seven years from the transaction (kept by law for tax purposes)" },
  points_balance: { sources: ["AUTOMATIC", "THIRD_PARTY"], ...MEMBER },
  job_application: { sources: ["DIRECT", "THIRD_PARTY", "PUBLIC"], retentionJa: "選考終了から1年間", retentionEn: "One year after the selection ends" },
  job_preferences: { sources: ["DIRECT"], retentionJa: "選考終了から1年間", retentionEn: "One year after the selection ends" },
  survey_answers: { sources: ["DIRECT"], retentionJa: "回答から3年間", retentionEn: "Three years from the answer" },
  reviews: { sources: ["DIRECT"], retentionJa: "投稿の削除まで", retentionEn: "Until the review is deleted" },
  inquiry_history: { sources: ["DIRECT"], retentionJa: "対応完了から3年間", retentionEn: "Three years after the enquiry is closed" },
  health_accessibility: { sources: ["DIRECT"], retentionJa: "ご予約の利用日から90日間", retentionEn: "90 days after the day of the reservation" },
  cookie_id: { sources: ["AUTOMATIC"], ...LOGS },
  ip_address: { sources: ["AUTOMATIC"], ...LOGS },
  ad_id: { sources: ["AUTOMATIC"], ...LOGS },
  location: { sources: ["AUTOMATIC"], ...LOGS },
  browsing_log: { sources: ["AUTOMATIC"], ...LOGS },
};

type PurposeRow = Omit<Prisma.PurposeCreateManyInput, "id" | "sortOrder">;

export const purposes = [
  {
    key: "service_operation",
    nameJa: "サービスの運営およびそれに伴うやりとり・情報提供",
    nameEn: "Operating our services and communicating with you",
    descriptionJa:
      "本人確認・審査、ポイントプログラムの運営、お問い合わせ・口コミへの回答、キャンペーン景品の発送など。",
    descriptionEn:
      "Identity checks and screening, running the points programme, answering enquiries and reviews, sending campaign prizes.",
    suspendable: true,
  },
  {
    key: "fraud_prevention",
    nameJa: "サービスの安全な運営に必要な不正対策",
    nameEn: "Fraud prevention and security",
    descriptionJa:
      "禁止された申込行為・虚偽登録・詐欺・不正アクセス・クレジットカードの不正利用の調査。割賦販売法上の不正利用対策に必要なため、利用停止の対象外です。",
    descriptionEn:
      "Investigating prohibited applications, false registrations, fraud, unauthorised access and card fraud. Required for card-fraud measures under the Installment Sales Act, so it cannot be suspended.",
    suspendable: false,
    suspensionNoteJa:
      "割賦販売法によりクレジットカードの不正利用対策が義務付けられているため、この目的での利用は停止できません。",
    suspensionNoteEn:
      "The Installment Sales Act obliges us to guard against card fraud, so use for this purpose cannot be stopped.",
  },
  {
    key: "improvement",
    nameJa: "サービスの改善・新規開発",
    nameEn: "Improving services and developing new ones",
    descriptionJa:
      "利用状況の分析に基づくサービス改善・新規サービス開発、お問い合わせ対応品質の改善。",
    descriptionEn:
      "Improving services and developing new ones from usage analysis; improving how we answer enquiries.",
    suspendable: true,
  },
  {
    key: "ads",
    nameJa: "各種サービスの提案・情報提供・広告配信",
    nameEn: "Proposals, information and advertising",
    descriptionJa:
      "キャンペーン案内、メールマガジン、広告配信。広告事業者のユーザーリストとの照合（オーディエンスマッチ）を含みます。",
    descriptionEn:
      "Campaign notices, newsletters and ads, including matching with ad platforms' user lists (audience matching).",
    suspendable: true,
    // Targeted advertising: what a Global Privacy Control signal stops.
    gpcOptOut: true,
  },
  {
    key: "publication",
    nameJa: "情報誌・Webサイト・アプリ等への掲載",
    nameEn: "Publication in our magazines, websites and apps",
    descriptionJa:
      "投稿された口コミ・写真やアンケート回答の掲載。氏名等を除き個人を識別できない形に加工して掲載します。",
    descriptionEn:
      "Publishing posted reviews, photos and survey answers, processed so that readers cannot identify the person.",
    suspendable: true,
  },
  {
    key: "research",
    nameJa: "各利用目的に必要な調査・分析・マーケティング",
    nameEn: "Research, analysis and marketing",
    descriptionJa: "アンケート・モニター調査の実施、属性情報や行動履歴の分析。",
    descriptionEn: "Surveys and monitor research; analysis of attributes and behaviour.",
    suspendable: true,
  },
  {
    key: "third_party_provision",
    nameJa: "第三者への提供",
    nameEn: "Provision to third parties",
    descriptionJa:
      "プライバシーポリシー3・4に定める、当社グループ会社以外および当社グループ会社への提供。",
    descriptionEn:
      "Provision to companies outside and inside our group as set out in sections 3 and 4 of the privacy policy.",
    suspendable: true,
  },
] as const satisfies readonly PurposeRow[];

export type PurposeKey = (typeof purposes)[number]["key"];
export type SystemKey = (typeof systems)[number]["key"];

// Each line: this system uses every listed category for every listed purpose.
// One row per entry, kept as a table.
// prettier-ignore
export const uses: readonly { system: SystemKey; categories: CategoryKey[]; purposes: PurposeKey[] }[] = [
  { system: "members", categories: ["name", "name_kana", "birth_date", "gender", "address", "phone", "email", "member_id"],
    purposes: ["service_operation", "fraud_prevention", "improvement", "third_party_provision"] },
  { system: "members", categories: ["email", "birth_date", "gender"], purposes: ["ads", "research"] },
  { system: "reservations", categories: ["reservation_history", "usage_record", "name", "phone", "email"],
    purposes: ["service_operation", "improvement", "third_party_provision", "research"] },
  { system: "reservations", categories: ["health_accessibility"], purposes: ["service_operation", "third_party_provision"] },
  { system: "points", categories: ["points_balance", "purchase_history", "member_id"],
    purposes: ["service_operation", "fraud_prevention", "third_party_provision", "research"] },
  { system: "recruiting", categories: ["job_application", "job_preferences", "name", "birth_date", "phone", "email"],
    purposes: ["service_operation", "third_party_provision"] },
  { system: "recruiting", categories: ["job_application", "job_preferences"], purposes: ["improvement", "research"] },
  { system: "marketing", categories: ["email", "cookie_id", "ad_id"], purposes: ["ads", "third_party_provision"] },
  { system: "analytics", categories: ["cookie_id", "ip_address", "ad_id", "location", "browsing_log"],
    purposes: ["improvement", "research", "ads"] },
  { system: "analytics", categories: ["ip_address", "cookie_id"], purposes: ["fraud_prevention"] },
  { system: "support", categories: ["inquiry_history", "name", "email", "phone"], purposes: ["service_operation", "improvement"] },
  { system: "support", categories: ["survey_answers", "reviews"],
    purposes: ["publication", "research", "third_party_provision", "improvement"] },
  { system: "payments", categories: ["payment_history", "name", "usage_record"],
    purposes: ["service_operation", "fraud_prevention", "third_party_provision"] },
];

type FieldRow = { system: SystemKey; key: string; labelJa: string; labelEn: string };

// What each field the systems hold is called; every item shown to a person carries this label.
// One row per entry, kept as a table.
// prettier-ignore
export const fields: readonly FieldRow[] = [
  { system: "members", key: "fullName", labelJa: "氏名", labelEn: "Full name" },
  { system: "members", key: "fullNameKana", labelJa: "氏名（フリガナ）", labelEn: "Full name (kana reading)" },
  { system: "members", key: "birthDate", labelJa: "生年月日", labelEn: "Date of birth" },
  { system: "members", key: "gender", labelJa: "性別", labelEn: "Gender" },
  { system: "members", key: "address", labelJa: "住所", labelEn: "Postal address" },
  { system: "members", key: "phone", labelJa: "電話番号", labelEn: "Phone number" },
  { system: "members", key: "email", labelJa: "メールアドレス", labelEn: "Email address" },
  { system: "members", key: "sakuraLinkId", labelJa: "サクラリンクID", labelEn: "Sakura Link ID" },
  { system: "members", key: "corporateMemberId", labelJa: "法人会員ID", labelEn: "Corporate member ID" },
  { system: "reservations", key: "reservations", labelJa: "予約の履歴", labelEn: "Reservations made" },
  { system: "reservations", key: "visitConfirmations", labelJa: "来店・宿泊の実績", labelEn: "Visits and stays" },
  { system: "reservations", key: "accessibilityNeeds", labelJa: "配慮のご希望", labelEn: "Accessibility needs" },
  { system: "points", key: "balance", labelJa: "ポイント残高", labelEn: "Points balance" },
  { system: "points", key: "linkedCPointId", labelJa: "連携したCポイントID", labelEn: "Linked C-Point ID" },
  { system: "points", key: "linkedMidoriId", labelJa: "連携したみどりポイントID", labelEn: "Linked Midori Points ID" },
  { system: "points", key: "pointPurchases", labelJa: "ポイント対象の購入", labelEn: "Purchases earning points" },
  { system: "recruiting", key: "careerSummary", labelJa: "職務経歴", labelEn: "Work history" },
  { system: "recruiting", key: "nursingLicence", labelJa: "看護師免許の確認", labelEn: "Nursing licence check" },
  { system: "recruiting", key: "desiredConditions", labelJa: "希望条件", labelEn: "Desired conditions" },
  { system: "recruiting", key: "selectionResult", labelJa: "選考結果", labelEn: "Selection results" },
  { system: "recruiting", key: "partnerApplication", labelJa: "提携先経由の応募", labelEn: "Applications via partners" },
  { system: "marketing", key: "newsletter", labelJa: "メールマガジンの受信設定", labelEn: "Newsletter preferences" },
  { system: "marketing", key: "advertisingId", labelJa: "広告識別子", labelEn: "Advertising ID" },
  { system: "analytics", key: "sl_uid", labelJa: "会員に紐付いたCookie ID", labelEn: "Cookie ID linked to your account" },
  { system: "analytics", key: "anonymousCookie", labelJa: "ログイン前のCookie ID", labelEn: "Cookie ID before sign-in" },
  { system: "analytics", key: "lastIpAddress", labelJa: "最後にログインしたIPアドレス", labelEn: "IP address of the last sign-in" },
  { system: "analytics", key: "approximateLocation", labelJa: "おおよその位置情報", labelEn: "Approximate location" },
  { system: "analytics", key: "recentPages", labelJa: "最近閲覧したページ", labelEn: "Pages viewed recently" },
  { system: "support", key: "inquiries", labelJa: "お問い合わせの履歴", labelEn: "Enquiries" },
  { system: "support", key: "hotelSurvey", labelJa: "宿泊後アンケートの回答", labelEn: "Answer to the post-stay survey" },
  { system: "support", key: "businessTripSurvey", labelJa: "出張アンケートの回答", labelEn: "Answer to the business-travel survey" },
  { system: "support", key: "reviews", labelJa: "投稿した口コミ", labelEn: "Reviews posted" },
  { system: "payments", key: "cardPayments", labelJa: "カード決済の履歴", labelEn: "Card payments" },
];
