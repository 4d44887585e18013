// Strings of the outcome letters (lib/letters/): the PDF letters a request's requester receives
// and staff print for a reply by post. Japanese is the source; English must have the same keys.
const ja = {
  title: "書面",
  intro:
    "このご請求について当社が発行した書面です。PDF（A4）でダウンロードして保存・印刷できます。",
  staffIntro:
    "請求者に発行した書面です（請求者も自分のページからダウンロードできます）。郵送で回答する請求では、これを印刷して送付します。",
  kind: {
    identity: "本人確認書類のご提出のお願い",
    extension: "回答期限の延長のお知らせ",
    outcome: "ご請求への回答",
  },
  issuedOn: "{date}発行",
  download: "{letter}（PDF）",
  subject: {
    identity: "本人確認書類のご提出のお願い",
    extension: "回答期限の延長について（お知らせ）",
    FULFILLED: "ご請求への回答",
    NO_DATA_HELD: "ご請求への回答（保有個人データがないことについて）",
    DISCLOSED_OTHER_METHOD: "ご請求への回答（別の方法による開示について）",
    PARTIALLY_FULFILLED: "ご請求への回答（一部にお応えできないことについて）",
    REFUSED: "ご請求への回答（お応えできないことについて）",
    UNVERIFIABLE: "ご請求への回答（本人確認ができなかったことについて）",
  },
  opening:
    "{organisation}です。{receivedOn}に受け付けた{type}のご請求（受付番号 {reference}）について、次のとおりご連絡いたします。",
  body: {
    identity:
      "ご請求にお応えする前に、ご本人（代理人によるご請求では代理人も）であることを確認させていただく必要があります。本人確認書類をご提出ください。書類が届くまで、ご請求の手続きを進めることができません。",
    identityReasons: "先にご提出いただいた書類では、次の点を確認できませんでした。",
    identityHow:
      "書類は、ご請求のページから画像またはPDFでご提出いただけます。マイナンバー（個人番号）が記載された面や書類は絶対に送らないでください。マイナンバーカードは表面のみ、健康保険証は保険者番号・記号・番号・QRコードを隠してご提出ください。",
    identityAccepted: "ご提出いただける書類",
    extension:
      "誠に恐れ入りますが、回答の期限を{newDue}まで延長させていただきます。法令で認められる範囲での延長です。",
    extensionReason: "延長の理由",
    FULFILLED: "ご請求のとおり対応いたしました。",
    NO_DATA_HELD:
      "確認いたしましたが、当社はご請求の対象となるあなたの保有個人データ（提供記録のご請求では提供記録）を保有しておりませんでした（個人情報保護法第33条第3項）。",
    DISCLOSED_OTHER_METHOD:
      "ご指定の方法による開示が困難であったため、別の方法で開示いたしました（個人情報保護法第33条第3項）。理由は下記のとおりです。",
    PARTIALLY_FULFILLED:
      "ご請求の一部について対応いたしましたが、その他の部分についてはお応えできませんでした。理由は下記のとおりです（個人情報保護法第36条）。",
    REFUSED:
      "誠に恐れ入りますが、ご請求にはお応えできないこととなりました。理由は下記のとおりです（個人情報保護法第36条）。",
    UNVERIFIABLE:
      "ご本人（または代理権）であることを確認できなかったため、ご請求にお応えできませんでした。確認できる書類をご用意のうえ、改めてご請求いただくことができます。",
    resultOnline: "開示の結果は、ご請求のページからダウンロードしていただけます。",
  },
  grounds: "理由",
  note: "担当者からのご説明",
  complaintTitle: "苦情の申出先",
  closing: "本書についてご不明な点は、下記の窓口までお問い合わせください。",
  salutation: "{name} 様",
  salutationAnonymous: "ご請求者 様",
  issuedOnLabel: "発行日",
  reference: "受付番号",
  contact: "お問い合わせ先",
  pageOf: "{page} / ",
  languageName: { ja: "日本語", en: "英語" },
  // A language's link to a letter, named by its visible language first (WCAG 2.5.3).
  languageLink: "{language}：{letter}",
};

const en: typeof ja = {
  title: "Letters",
  intro: "The letters we have issued about this request, as PDF (A4) to keep or print.",
  staffIntro:
    "The letters issued to the requester (who can also download them from their own page). For a reply by post, print and send these.",
  kind: {
    identity: "Request for identity documents",
    extension: "Notice of an extended deadline",
    outcome: "Our answer to your request",
  },
  issuedOn: "issued {date}",
  download: "{letter} (PDF)",
  subject: {
    identity: "Request for identity documents",
    extension: "Notice of an extended deadline",
    FULFILLED: "Our answer to your request",
    NO_DATA_HELD: "Our answer to your request: no personal data held",
    DISCLOSED_OTHER_METHOD: "Our answer to your request: disclosure by another method",
    PARTIALLY_FULFILLED: "Our answer to your request: partly refused",
    REFUSED: "Our answer to your request: refused",
    UNVERIFIABLE: "Our answer to your request: identity not verified",
  },
  opening:
    "This is {organisation}, writing about your {type} request received on {receivedOn} (reference {reference}).",
  body: {
    identity:
      "Before we can act on your request we need to verify that you are the person concerned (and, for a request made through an agent, the agent and their authority). Please send identity documents; the request cannot go further until they arrive.",
    identityReasons: "The documents you sent earlier did not let us confirm the following:",
    identityHow:
      "You can send the documents as images or PDF from your request's page. Never send a document or side showing an Individual Number (My Number): send only the front of a My Number card, and cover the insurer number, symbol, number and QR code of a health insurance card.",
    identityAccepted: "Documents we accept",
    extension:
      "We are sorry to tell you that we are extending the deadline for our answer to {newDue}, as the law allows.",
    extensionReason: "Why we need more time",
    FULFILLED: "We have done as you asked.",
    NO_DATA_HELD:
      "Having checked, we hold no retained personal data about you that your request concerns (for a request for provision records, no such records) (APPI Art.33(3)).",
    DISCLOSED_OTHER_METHOD:
      "Disclosure by the method you chose was difficult, so we have disclosed by another method (APPI Art.33(3)), for the reason below.",
    PARTIALLY_FULFILLED:
      "We have acted on part of your request but cannot act on the rest, for the reasons below (APPI Art.36).",
    REFUSED:
      "We are sorry that we cannot act on your request, for the reasons below (APPI Art.36).",
    UNVERIFIABLE:
      "We could not verify your identity (or the agent's authority), so we could not act on your request. You may make the request again with documents that let us verify it.",
    resultOnline: "You can download what we disclosed from your request's page.",
  },
  grounds: "Reasons",
  note: "Our explanation",
  complaintTitle: "Where to complain",
  closing: "If anything in this letter is unclear, please contact the desk below.",
  salutation: "Dear {name}",
  salutationAnonymous: "Dear requester",
  issuedOnLabel: "Date",
  reference: "Reference",
  contact: "Contact",
  pageOf: "page {page} of ",
  languageName: { ja: "Japanese", en: "English" },
  languageLink: "{language}: {letter}",
};

export const letters = { ja, en };
