// Strings of deadline extensions: the staff's proposal form and the pending extension a manager
// decides. Japanese is the source; English must have the same keys.
const ja = {
  title: "期限の延長",
  intro:
    "法令で認められる場合（EU・英国は2か月、米国カリフォルニア州は45日）、当初の期限までに通知して1回だけ期限を延長できます。承認されると、理由を記載した通知が請求者に自動で送られます。",
  jurisdiction: "法域",
  reason: "延長の理由（請求者に通知されます）",
  dueChoice: "新しい期限",
  maximum: "法令上の最長の期限",
  specificDate: "日付を指定する",
  newDueDate: "新しい期限の日付",
  submit: "延長の承認を依頼する",
  submitting: "送信中…",
  pendingTitle: "承認待ちの延長",
  requestedBy: "依頼者",
  newDue: "新しい期限",
  legalMaximum: "法令上の最長",
  waitingForOther: "別の担当者の承認を待っています。",
  approverOnly: "延長を承認できるのはマネージャーのみです。",
  pendingExists: "この請求にはすでに承認待ちの延長があります。",
  notInJurisdiction: "この請求の法域から選んでください。",
  noticeBy: "{jurisdiction}：延長の通知は当初の期限（{date}）までに送る必要があります。",
  windowClosed: "{jurisdictions}は当初の期限を過ぎたため、法令上、延長できません。",
};

const en: typeof ja = {
  title: "Deadline extension",
  intro:
    "Where the law allows it (EU and UK: two months; US-CA: 45 days) the deadline can be extended once, with notice before the original due date. Once approved, a notice with the reason goes to the requester automatically.",
  jurisdiction: "Jurisdiction",
  reason: "Reason for the extension (sent to the requester)",
  dueChoice: "New due date",
  maximum: "The legal maximum",
  specificDate: "A specific date",
  newDueDate: "Date of the new deadline",
  submit: "Ask for approval of the extension",
  submitting: "Sending…",
  pendingTitle: "Extension awaiting approval",
  requestedBy: "Asked by",
  newDue: "New due date",
  legalMaximum: "The legal maximum",
  waitingForOther: "Waiting for another person to approve.",
  approverOnly: "Only a manager can approve an extension.",
  pendingExists: "An extension of this request is already awaiting approval.",
  notInJurisdiction: "Choose one of this request's jurisdictions.",
  noticeBy: "{jurisdiction}: the extension notice must go out by the original deadline ({date}).",
  windowClosed:
    "The original deadline of {jurisdictions} has passed: the law no longer allows an extension.",
};

export const extensions = { ja, en };
