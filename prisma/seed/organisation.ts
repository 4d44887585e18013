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
  // Signs letters and mails (white-label settings, lib/mail/layout.ts).
  departmentJa: "個人情報保護窓口",
  departmentEn: "Personal Information Desk",
  representative: "代表取締役社長 桜井 誠（個人情報保護管理者: 執行役員 CPO 森田 彩）",
  // APPI Art.38 allows actual-cost fees; the demo organisation charges none.
  disclosureFeeYen: 0,
  purposeNotificationFeeYen: 0,
  // Public statements of the transparency page (the privacy-center page's wording, adapted).
  lawEnforcementPolicyJa:
    "捜査機関から情報提供の要請を受けた場合、当該要請が法的根拠に基づくものであること、適法な手続き・様式が取られていることを確認します。\n協力する場合も、要請に対し必要かつ相当な範囲に限って提供します。要配慮個人情報および通信の秘密に該当する情報は、捜査令状によらない限り提供しません。\n提供の記録は社内の登録簿に残し、件数をこのページで毎年公表します。",
  lawEnforcementPolicyEn:
    "When a law-enforcement agency asks us for information, we check that the request has a legal basis and follows the lawful procedure and form.\nWhere we cooperate, we provide only what is necessary and proportionate to the request. Special-care data and information protected by the secrecy of communications are provided only under a warrant.\nEvery disclosure is entered in an internal register, and the yearly counts are published on this page.",
  offlineFilingJa:
    "郵送の場合は、所定の請求書に本人確認書類の写し（代理人の場合は代理権を証する書類と代理人の本人確認書類の写しも）を同封し、下記の住所の「個人情報お問い合わせ窓口」宛てにお送りください。\n窓口での請求は、本社受付（平日10:00〜17:00、要予約）で承ります。本人確認書類の原本をお持ちください。",
  offlineFilingEn:
    "By post: enclose the request form with a copy of your identity document (agents also enclose their proof of authority and a copy of their own identity document) and send it to the Personal Information Desk at the address below.\nIn person: at our head office reception, weekdays 10:00–17:00, by appointment. Please bring the original identity document.",
  identityDocumentsNoteJa:
    "本人確認書類は暗号化して請求とは別に保管し、担当者のみが閲覧できます（閲覧はすべて記録）。本人確認の判定後に削除し、判定の記録のみを残します。代理権を証する書類は請求の完了時に削除します。",
  identityDocumentsNoteEn:
    "Identity documents are encrypted, kept apart from the request and readable only by the assigned staff (every view is logged). They are deleted once identity has been decided, keeping only a record of the decision. Proof of authority is deleted when the request is closed.",
  processorOversightJa:
    "個人情報の取り扱いを委託する場合は、業務委託契約書に加えて「個人情報管理チェックシート」の提出を求めて管理方法を確認し、当社と同水準の取り扱いを契約で義務付けています。委託先が外国にある場合は、個人情報保護法の定める基準に適合する体制の整備を確認しています。",
  processorOversightEn:
    "When we entrust the handling of personal data, we ask the processor for a personal-data management checklist in addition to the service contract, check how it manages the data, and require by contract the same standard of handling as ours. Where a processor is abroad, we confirm that it has a system meeting the standards of the APPI.",
  // APPI Art.32(1)(iv) with Order Art.10(1): the measures, described without helping an attacker.
  securityMeasuresJa:
    "（基本方針の策定）個人データの適正な取り扱いのため、「関係法令・ガイドライン等の遵守」「質問及び苦情処理の窓口」等についての基本方針を策定しています。\n（個人データの取扱いに係る規律の整備）取得、利用、保存、提供、削除・廃棄等の段階ごとに、取扱方法、責任者・担当者とその任務等について取扱規程を策定しています。\n（組織的安全管理措置）個人情報保護管理者を置き、個人データを取り扱う従業者と取り扱う個人データの範囲を明確にし、法や取扱規程に違反している事実または兆候を把握した場合の報告連絡体制を整備しています。取扱状況は定期的に自己点検し、監査を受けています。\n（人的安全管理措置）個人データの取り扱いに関する留意事項について、従業者に定期的な研修を実施しています。秘密保持に関する事項を就業規則に記載しています。\n（物理的安全管理措置）個人データを取り扱う区域で入退室を管理し、権限のない者による閲覧を防止しています。機器・電子媒体・書類の盗難と紛失を防ぎ、持ち運ぶときは容易に個人データが判明しないよう措置しています。\n（技術的安全管理措置）アクセス制御で担当者と取り扱う個人情報データベース等の範囲を限定し、多要素認証を用いています。外部からの不正アクセスや不正ソフトウェアから保護する仕組みを導入し、保存と通信を暗号化しています。\n（外的環境の把握）個人データを保管するデータセンターは日本国内にあります。外国の委託先に取り扱いを委託する場合は、その国の個人情報保護制度を把握した上で安全管理措置を実施しています。",
  securityMeasuresEn:
    "(Basic policy) We have a basic policy for the proper handling of personal data, covering compliance with laws and guidelines and a desk for questions and complaints.\n(Rules) Handling rules set, for each stage (obtaining, use, storage, provision, deletion and disposal), how data is handled and who is responsible.\n(Organisational measures) A personal-data protection manager is appointed; who handles which personal data is defined; breaches or signs of them are reported through a set line. Handling is self-checked regularly and audited.\n(Human measures) Staff are trained regularly on handling personal data; confidentiality is part of the work rules.\n(Physical measures) Entry to areas where personal data is handled is controlled and unauthorised viewing prevented; equipment, media and papers are protected against theft and loss, and data carried outside is protected so it cannot easily be read.\n(Technical measures) Access control limits staff and the databases they may use, with multi-factor authentication; systems are protected against unauthorised access and malware; data is encrypted at rest and in transit.\n(Understanding the external environment) The data centres that store personal data are in Japan. Where a processor abroad handles data, we take our measures in view of that country's personal-data protection system.",
  complaintDeskJa:
    "個人情報の取り扱いに関する苦情は、下記の「個人情報お問い合わせ窓口」（電話・メール・郵送）で承ります。いただいた苦情は個人情報保護管理者が確認し、調査の結果と対応をご連絡します。\n当社は認定個人情報保護団体の対象事業者ではありません。",
  complaintDeskEn:
    "Complaints about how we handle personal data are received by the Personal Information Desk below (by phone, mail or post). The personal-data protection manager reviews each complaint, and we tell you what we found and what we did.\nWe are not a member of an accredited personal information protection organisation.",
  automatedDecisionsJa:
    "当社は、本人に法的効果またはそれと同様の重大な影響を及ぼす、自動化された処理のみに基づく決定（プロファイリングを含む）を行っていません。閲覧の履歴から関心を推定して広告やおすすめの表示に使うことがありますが、それによって本人に不利益な決定をすることはありません。",
  automatedDecisionsEn:
    "We make no decision based solely on automated processing, including profiling, that has legal or similarly significant effects on you. We may infer your interests from your browsing history to choose the advertising and recommendations we show, but no decision against you is made that way.",
} satisfies Prisma.OrganisationCreateInput;

// The privacy office: several support staff, two managers (so that four-eyes decisions such as
// law-enforcement approvals work), and the CPO as the administrator.
export const staffUsers = [
  { email: "staff@example.jp", name: "山本 優", role: "STAFF", locale: "ja" },
  { email: "staff2@example.jp", name: "加藤 真司", role: "STAFF", locale: "ja" },
  { email: "staff3@example.jp", name: "Emma Clarke", role: "STAFF", locale: "en" },
  { email: "manager@example.jp", name: "中村 恵", role: "MANAGER", locale: "ja" },
  { email: "manager2@example.jp", name: "小林 直樹", role: "MANAGER", locale: "ja" },
  { email: "admin@example.jp", name: "森田 彩", role: "ADMIN", locale: "ja" },
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
