// Strings of fees asked of a requester: the staff panel that asks for one and records it paid or
// waived, and the requester's notice on the status page. Japanese is the source; English must
// have the same keys.
const ja = {
  title: "手数料",
  intro:
    "法令が認める場合に限り、手数料を求められます。支払いの確認または免除まで、請求は「手数料の支払待ち」になります。",
  none: "この請求には、適用される法令上、手数料を求められません。",
  basis: "根拠",
  bases: {
    CONFIGURED: "公表している手数料（個人情報保護法第38条）",
    UNFOUNDED_OR_EXCESSIVE:
      "明らかに根拠がないか過剰な請求に対する合理的な手数料（GDPR第12条第5項、CCPA）",
    FURTHER_COPIES: "2部目以降の写しの合理的な手数料（GDPR第15条第3項）",
  },
  currency: "通貨",
  amount: "金額",
  amountHint:
    "公表している手数料を超えることはできません。合理的な事務費用の範囲で設定してください。",
  instructions: "支払方法（請求者に表示されます）",
  instructionsHint: "振込先や支払期限など。ポータルでは支払いを受け付けません。",
  ask: "手数料を求める",
  asking: "送信中…",
  waiting: "手数料 {amount} の支払いを待っています（{date}に依頼）。",
  clockNote:
    "英国・日本・韓国の法令が適用される場合、期限は支払いを受け取った日から数え直されます。",
  settlement: "記録する内容",
  paid: "支払いを受け取った",
  waived: "手数料を免除する",
  receivedOn: "受け取った日",
  settle: "記録する",
  history: "これまでの手数料",
  settledPaid: "{date}に受領",
  settledWaived: "免除",
  requesterTitle: "手数料のお支払いをお願いします",
  requesterBody:
    "このご請求への対応には手数料 {amount} がかかります。お支払い方法は次のとおりです。",
  requesterClock:
    "お支払いを確認した日から回答期限を数え直す場合があります。お支払いの確認後、対応を再開します。",
  errors: {
    basis: "この請求には、この根拠で手数料を求められません。",
    amount: "金額を正しく入力してください（通貨の単位に合わせてください）。",
    overPublished: "公表している手数料（円）を超える金額は求められません。",
    future: "受け取った日に未来の日付は指定できません。",
    beforeAsked: "受け取った日は、手数料を求めた日より前にできません。",
  },
};

const en: typeof ja = {
  title: "Fee",
  intro:
    "A fee may be asked only where the law allows it. Until it is recorded paid or waived, the request waits at “Waiting for the fee”.",
  none: "The laws that apply do not allow a fee for this request.",
  basis: "Basis",
  bases: {
    CONFIGURED: "The published fee (APPI Art.38)",
    UNFOUNDED_OR_EXCESSIVE:
      "A reasonable fee for a manifestly unfounded or excessive request (GDPR Art.12(5), CCPA)",
    FURTHER_COPIES: "A reasonable fee for further copies (GDPR Art.15(3))",
  },
  currency: "Currency",
  amount: "Amount",
  amountHint:
    "Never more than the published fee; otherwise a reasonable amount based on administrative costs.",
  instructions: "How to pay (shown to the requester)",
  instructionsHint: "Bank details, the date to pay by. The portal itself takes no payments.",
  ask: "Ask for the fee",
  asking: "Sending…",
  waiting: "Waiting for a fee of {amount} (asked on {date}).",
  clockNote:
    "Where UK, Japanese or Korean law applies, the deadline is counted again from the day the payment arrives.",
  settlement: "What to record",
  paid: "The payment arrived",
  waived: "Waive the fee",
  receivedOn: "Day it arrived",
  settle: "Record",
  history: "Fees so far",
  settledPaid: "received on {date}",
  settledWaived: "waived",
  requesterTitle: "Please pay the fee",
  requesterBody: "Answering this request costs a fee of {amount}. This is how to pay:",
  requesterClock:
    "The deadline for our answer may be counted again from the day your payment arrives. We resume work once it has.",
  errors: {
    basis: "A fee cannot be asked for this request on this basis.",
    amount: "Enter a valid amount (in the currency's units).",
    overPublished: "A fee above the published one (in yen) cannot be asked.",
    future: "The day it arrived cannot be in the future.",
    beforeAsked: "The day it arrived cannot be before the fee was asked.",
  },
};

export const fees = { ja, en };
