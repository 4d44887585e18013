import type { Prisma } from "@/lib/generated/prisma/client";

// Recipients of personal data (every class of APPI's ledger) and the "scenes" of provision from
// the privacy-center page. All company names are fictional.

type RecipientRow = Omit<Prisma.RecipientCreateManyInput, "id" | "createdAt">;

const US_REGIME_JA =
  "米国には連邦レベルの包括的な個人情報保護法はなく、FTC法第5条（不公正・欺瞞的行為の禁止）や分野別の連邦法、カリフォルニア州消費者プライバシー法（CCPA/CPRA）などの州法により保護されています。APPIの定める本人の権利の一部（利用停止請求など）に相当する制度がない場合があります。";
const US_REGIME_EN =
  "The United States has no comprehensive federal privacy law; protection comes from Section 5 of the FTC Act (unfair or deceptive practices), sector-specific federal laws and state laws such as the California Consumer Privacy Act (CCPA/CPRA). Some rights the APPI gives (such as suspension of use) may have no equivalent.";
const EU_REGIME_JA =
  "EU一般データ保護規則（GDPR）が適用されます。EUは個人情報保護委員会が定める「我が国と同等の水準にあると認められる個人情報保護制度を有している外国」（法28条1項）に指定されています。";
const EU_REGIME_EN =
  "The EU General Data Protection Regulation (GDPR) applies. The EU is designated by Japan's Personal Information Protection Commission as a country with a system equivalent to Japan's (APPI Art.28(1)).";

// One row per entry, kept as a table.
// prettier-ignore
export const recipients = [
  // ── Non-group companies (THIRD_PARTY)
  { key: "hotel-sakuratei", noticeEmail: "privacy@sakuratei.example.jp", recipientClass: "THIRD_PARTY", nameJa: "株式会社さくら亭（湯けむりの宿 さくら亭）", nameEn: "Sakuratei Co., Ltd. (Yukemuri Inn Sakuratei)",
    descriptionJa: "箱根の旅館。ネット予約の宿泊者情報、口コミ、アンケート結果を受領します。", descriptionEn: "A ryokan in Hakone receiving guests' booking details, reviews and survey results.",
    address: "神奈川県足柄下郡箱根町湯本1-2-3", representative: "代表取締役 佐倉 恵子" },
  { key: "restaurant-mimosa", recipientClass: "THIRD_PARTY", nameJa: "株式会社ミモザダイニング（ビストロ・ミモザ 銀座店）", nameEn: "Mimosa Dining Co., Ltd. (Bistro Mimosa Ginza)",
    descriptionJa: "飲食店。ネット予約の予約者情報と口コミを受領します。", descriptionEn: "A restaurant receiving booking details and reviews.",
    address: "東京都中央区銀座5-6-7", representative: "代表取締役 三森 健" },
  { key: "salon-lumiere", recipientClass: "THIRD_PARTY", nameJa: "株式会社ルミエール（ヘアサロン ルミエール 表参道）", nameEn: "Lumière Inc. (Hair Salon Lumière Omotesando)",
    descriptionJa: "美容サロン。ネット予約の予約者情報を受領します。", descriptionEn: "A beauty salon receiving booking details." },
  { key: "hotel-minato-resorts", recipientClass: "THIRD_PARTY", nameJa: "みなとリゾート株式会社", nameEn: "Minato Resorts Co., Ltd.",
    descriptionJa: "ホテルチェーン。予約の成約状況の報告とアンケート調査結果を受領します。", descriptionEn: "A hotel chain receiving booking outcome reports and survey results.",
    address: "神奈川県横浜市中区みなとみらい2-3-4", representative: "代表取締役社長 港 一郎" },
  { key: "hospital-aoba", recipientClass: "THIRD_PARTY", nameJa: "医療法人社団 青葉会 青葉台総合病院", nameEn: "Aoba Medical Corporation, Aobadai General Hospital",
    descriptionJa: "求人募集企業。応募者の履歴書・職務経歴書を受領します。", descriptionEn: "An employer receiving applicants' résumés and work history." },
  { key: "clinic-hikari", recipientClass: "THIRD_PARTY", nameJa: "医療法人 ひかりクリニック", nameEn: "Hikari Clinic Medical Corporation",
    descriptionJa: "求人募集企業。応募者の履歴書・職務経歴書を受領します。", descriptionEn: "An employer receiving applicants' résumés and work history." },
  { key: "client-aoba-trading", recipientClass: "THIRD_PARTY", nameJa: "株式会社あおば商事", nameEn: "Aoba Trading Co., Ltd.",
    descriptionJa: "法人契約先。所属する従業員の福利厚生サービスの利用状況の報告を受領します。", descriptionEn: "A corporate customer receiving reports on its employees' use of the benefits service." },
  { key: "scout-mirai", recipientClass: "THIRD_PARTY", nameJa: "株式会社ミライキャリアエージェント", nameEn: "Mirai Career Agent Inc.",
    descriptionJa: "スカウトサービスに参画する人材紹介会社。スカウト送付のため職務経歴と希望条件を受領します。", descriptionEn: "A recruiting agency on the scouting service, receiving work history and preferences to send scout offers." },
  { key: "jobboard-bridge", recipientClass: "THIRD_PARTY", nameJa: "ジョブブリッジ株式会社", nameEn: "JobBridge K.K.",
    descriptionJa: "求人配信プラットフォームの提携先。提携求人への応募時に職務経歴と利用実績を受領します。", descriptionEn: "A partner job-distribution platform receiving work history and usage when the person applies to a partner listing." },
  { key: "points-connect", noticeEmail: "privacy@point-connect.example.jp", recipientClass: "THIRD_PARTY", nameJa: "株式会社ポイントコネクト", nameEn: "Point Connect Co., Ltd.",
    descriptionJa: "共通ポイント「Cポイント」の運営会社。ご本人がID連携した場合に会員情報とポイント利用情報を受領します。", descriptionEn: "Operator of the C-Point programme, receiving member and points data once the person links their IDs." },
  { key: "points-midori", recipientClass: "THIRD_PARTY", nameJa: "みどりモバイル株式会社", nameEn: "Midori Mobile Corporation",
    descriptionJa: "携帯電話会社。「みどりポイント」とID連携した場合に会員情報とポイント利用情報を受領します。", descriptionEn: "A mobile carrier receiving member and points data once the person links a Midori Points account." },
  { key: "card-sakura", recipientClass: "THIRD_PARTY", nameJa: "さくらカード株式会社", nameEn: "Sakura Card Co., Ltd.",
    descriptionJa: "提携カード会社。不正決済の疑いやチャージバックの際に利用状況と決済履歴を受領します。", descriptionEn: "A partner card issuer receiving usage and payment history when fraud is suspected or a charge is disputed." },
  // ── Group companies
  { key: "group-career", recipientClass: "GROUP_COMPANY", nameJa: "株式会社サクラリンクキャリア", nameEn: "Sakura Link Career Inc.",
    descriptionJa: "当社グループの有料職業紹介事業者。ご本人が利用を希望した場合に登録情報と職務経歴を受領します。", descriptionEn: "Our group's paid job-placement company, receiving registration details and work history when the person asks for its service." },
  { key: "group-travel", recipientClass: "GROUP_COMPANY", nameJa: "サクラリンクトラベル株式会社", nameEn: "Sakura Link Travel Inc.",
    descriptionJa: "当社グループの旅行会社。ツアー申込時に予約情報を受領します。", descriptionEn: "Our group's travel agency, receiving booking details when the person books a tour." },
  // ── Foreign third parties (APPI Art.28)
  { key: "adreach-us", gpcOptOut: true, transferSafeguard: "STANDARD_CLAUSES", noticeEmail: "privacy@adreach.example.com", recipientClass: "FOREIGN_THIRD_PARTY", nameJa: "AdReach, Inc.", nameEn: "AdReach, Inc.", country: "US",
    descriptionJa: "米国の広告プラットフォーム。ご本人の同意に基づき、ハッシュ化したメールアドレスや広告識別子を照合し広告を配信します。",
    descriptionEn: "A US advertising platform matching hashed email addresses and advertising IDs, with the person's consent, to deliver ads.",
    regimeNoteJa: US_REGIME_JA, regimeNoteEn: US_REGIME_EN,
    measuresJa: "OECDプライバシーガイドライン8原則に対応する措置を契約で義務付け、照合後のデータの目的外利用の禁止と180日以内の削除を定めています。",
    measuresEn: "By contract it takes measures matching the eight OECD privacy principles, may not use matched data for any other purpose and deletes it within 180 days." },
  { key: "hotel-lumiere-paris", recipientClass: "FOREIGN_THIRD_PARTY", nameJa: "Hôtel Lumière Paris SAS", nameEn: "Hôtel Lumière Paris SAS", country: "FR",
    descriptionJa: "フランスのホテル。海外宿泊予約の予約者情報を受領します。", descriptionEn: "A hotel in France receiving booking details for overseas stays.",
    regimeNoteJa: EU_REGIME_JA, regimeNoteEn: EU_REGIME_EN,
    measuresJa: "GDPRに基づく安全管理措置を講じ、フランスのデータ保護機関（CNIL）の監督を受けています。",
    measuresEn: "Applies GDPR security measures and is supervised by France's data protection authority (CNIL)." },
  { key: "kr-travelmate", transferSafeguard: "ADEQUACY", recipientClass: "FOREIGN_THIRD_PARTY", nameJa: "TravelMate Korea Co., Ltd.", nameEn: "TravelMate Korea Co., Ltd.", country: "KR",
    descriptionJa: "韓国の旅行予約サイト運営会社。韓国内施設の予約者情報を受領します。", descriptionEn: "A Korean travel-booking operator receiving booking details for facilities in Korea.",
    regimeNoteJa: "韓国には個人情報保護法（PIPA）があり、個人情報保護委員会（PIPC）が監督しています。本人の閲覧・訂正・削除・処理停止の権利が定められています。",
    regimeNoteEn: "Korea has the Personal Information Protection Act (PIPA), supervised by the Personal Information Protection Commission (PIPC); it grants rights of access, correction, deletion and suspension of processing.",
    measuresJa: "PIPAに基づく安全性確保措置を講じ、契約で予約の履行以外の利用を禁止しています。",
    measuresEn: "Takes PIPA security measures and is contractually barred from any use beyond fulfilling the booking." },
  // ── Processors (委託先): shown by category
  { key: "proc-delivery", recipientClass: "PROCESSOR", nameJa: "はやて運輸株式会社", nameEn: "Hayate Transport Co., Ltd.",
    processorCategoryJa: "配送業務", processorCategoryEn: "Delivery" },
  { key: "proc-callcenter", recipientClass: "PROCESSOR", nameJa: "株式会社コールリンク", nameEn: "CallLink Inc.",
    processorCategoryJa: "コールセンター業務", processorCategoryEn: "Call centre" },
  { key: "proc-cloud", transferSafeguard: "STANDARD_CLAUSES", recipientClass: "PROCESSOR", nameJa: "Skyline Cloud Services, Inc.", nameEn: "Skyline Cloud Services, Inc.", country: "US",
    processorCategoryJa: "クラウドサーバーの提供（データは東京リージョンに保管）", processorCategoryEn: "Cloud hosting (data stored in the Tokyo region)",
    regimeNoteJa: US_REGIME_JA, regimeNoteEn: US_REGIME_EN,
    measuresJa: "ISO/IEC 27001・27017の認証を取得し、委託契約で当社と同水準の安全管理措置を義務付けています。",
    measuresEn: "Certified to ISO/IEC 27001 and 27017; the processing contract requires security measures equal to ours." },
  { key: "proc-payment", recipientClass: "PROCESSOR", nameJa: "株式会社ペイゲート", nameEn: "PayGate Co., Ltd.",
    processorCategoryJa: "決済代行業務", processorCategoryEn: "Payment processing" },
  { key: "proc-mail", recipientClass: "PROCESSOR", nameJa: "株式会社メールウェーブ", nameEn: "MailWave Inc.",
    processorCategoryJa: "メール配信業務", processorCategoryEn: "Email delivery" },
  // ── Law enforcement (recorded in the internal register, not in subjects' ledgers)
  { key: "police-tokyo", recipientClass: "LAW_ENFORCEMENT", nameJa: "警視庁", nameEn: "Tokyo Metropolitan Police Department",
    descriptionJa: "捜査関係事項照会または令状に基づく提供に限ります。", descriptionEn: "Only on a written investigation inquiry or a warrant." },
  { key: "police-osaka", recipientClass: "LAW_ENFORCEMENT", nameJa: "大阪府警察", nameEn: "Osaka Prefectural Police",
    descriptionJa: "捜査関係事項照会または令状に基づく提供に限ります。", descriptionEn: "Only on a written investigation inquiry or a warrant." },
] as const satisfies readonly RecipientRow[];

export type RecipientKey = (typeof recipients)[number]["key"];

type SceneRow = Omit<Prisma.SceneCreateManyInput, "id" | "sortOrder">;

// One row per entry, kept as a table.
// prettier-ignore
export const scenes = [
  { key: "reservation", nameJa: "ネット予約", nameEn: "Online reservations",
    descriptionJa: "ネット予約を行えるようにするため、氏名やメールアドレス、電話番号などを宿泊施設や飲食店、美容サロンなどへ提供します。",
    descriptionEn: "So that you can book online, we give your name, email address, phone number and similar details to hotels, restaurants, salons and others." },
  { key: "job_application", nameJa: "求職活動・応募などのための情報提供・連絡", nameEn: "Job search and applications",
    descriptionJa: "求職活動を行えるようにするため、履歴書・エントリーシート・職務経歴書などを求人募集企業へ提供します。",
    descriptionEn: "So that you can look for work, we give your résumé, entry sheet and work history to the employers you apply to." },
  { key: "client_report", nameJa: "クライアントへの実績報告", nameEn: "Performance reports to clients",
    descriptionJa: "予約や応募の成約状況を確認するため、または法人契約先へ所属ユーザーの利用状況を報告するため、氏名・利用実績・金額などをクライアントへ提供します。",
    descriptionEn: "To confirm the outcome of bookings and applications, or to report use to a corporate customer, we give your name, usage and amounts to the client." },
  { key: "survey", nameJa: "アンケート結果の報告", nameEn: "Survey result reports",
    descriptionJa: "クライアントから依頼を受けて実施したアンケートの結果を報告するため、氏名・回答内容・利用実績を当該クライアントへ提供します。",
    descriptionEn: "To report the results of a survey run for a client, we give your name, answers and usage to that client." },
  { key: "review", nameJa: "口コミ投稿者情報の提供", nameEn: "Reviewer details",
    descriptionJa: "投稿された口コミにクライアントが回答するため、口コミの内容・氏名・利用実績を当該クライアントへ提供します。",
    descriptionEn: "So that a client can reply to your review, we give the review, your name and your usage to that client." },
  { key: "points_link", nameJa: "ポイントプログラムの連携", nameEn: "Points programme links",
    descriptionJa: "提携ポイントとサクラポイントを連携する際、アカウント保有者が同一であることの確認とポイント運営のため、氏名・メールアドレス・生年月日などを提携先へ提供します。決済情報など対象外サービスの情報は提供しません。",
    descriptionEn: "When you link a partner points programme, we give your name, email address, birth date and similar details to the partner to confirm both accounts are yours and to run the programme. Data from services outside the programme (such as payments) is never given." },
  { key: "card_fraud", nameJa: "カードの不正利用調査のための情報提供・連絡", nameEn: "Card fraud investigations",
    descriptionJa: "不正決済の疑いを検知した場合やカード会社経由で支払いの拒絶があった場合に、利用状況や決済履歴を提携する決済会社・カード会社へ提供します。",
    descriptionEn: "When a fraudulent payment is suspected or a charge is disputed through a card company, we give usage and payment history to our payment and card partners." },
  { key: "scouting", nameJa: "求職活動におけるスカウトサービス提供のための情報提供・連絡", nameEn: "Scouting for job seekers",
    descriptionJa: "スカウトサービスを利用する方が参画エージェントやクライアントからスカウトを受け取れるよう、職務経歴や希望条件を提供します。",
    descriptionEn: "So that users of the scouting service can receive offers, we give their work history and preferences to participating agents and clients." },
] as const satisfies readonly SceneRow[];

export type SceneKey = (typeof scenes)[number]["key"];
