// Strings of the deadline engine (lib/deadlines): why a policy or an extension is refused, and
// the APPI two-week warning. Japanese is the source; English must have the same keys.
const ja = {
  policy: {
    amountPositive: "期間は1以上の整数で入力してください（0以下では期限が受付日以前になります）。",
    amountTooLarge: "期間が長すぎます（日数は366日まで、月数は12か月までです）。",
    incomplete: "期間と単位は両方を入力してください。",
    beyondLegalMaximum: "法令で定められた期間を超えています。",
    noExtensionInLaw: "この法域の法令には期限の延長がありません。",
    pauseNotInLaw: "この法域の法令では期限を停止できません（停止できるのは英国のみです）。",
    ackAfterDue: "受領確認の期限が回答期限より後になっています。",
    jpTwoWeeks:
      "請求の到達から2週間を経過すると本人は訴えを提起できます（個人情報保護法39条）。社内期限は14日より短く設定してください。",
  },
  extension: {
    notAllowed: "この法域では期限を延長できません。",
    alreadyExtended: "延長は1回までです。この請求はすでに延長されています。",
    noticeTooLate:
      "延長の通知は当初の期限までに送る必要があります。期限を過ぎているため延長できません。",
    beyondMaximum: "新しい期限が法令で認められる最長の期限を超えています。",
    notLater: "新しい期限は当初の期限より後の日付にしてください。",
  },
  jpWarning:
    "社内期限が請求の到達から2週間（{date}）以降です。本人は2週間経過後に訴えを提起できます。",
};

const en: typeof ja = {
  policy: {
    amountPositive:
      "Enter a whole number of 1 or more (zero or less would put the deadline on or before the day of receipt).",
    amountTooLarge: "The period is too long (at most 366 days or 12 months).",
    incomplete: "Enter both the amount and the unit.",
    beyondLegalMaximum: "This is longer than the law allows.",
    noExtensionInLaw: "The law of this jurisdiction provides no extension.",
    pauseNotInLaw: "The law of this jurisdiction does not stop the clock (only the UK does).",
    ackAfterDue: "The acknowledgement would be due after the response.",
    jpTwoWeeks:
      "The person may sue two weeks after the request arrives (APPI Art.39). Set the internal deadline under 14 days.",
  },
  extension: {
    notAllowed: "The deadline cannot be extended in this jurisdiction.",
    alreadyExtended: "A deadline can be extended only once, and this request has been extended.",
    noticeTooLate:
      "The extension notice must go out before the original deadline, which has passed.",
    beyondMaximum: "The new deadline is later than the law allows.",
    notLater: "The new deadline must be later than the original one.",
  },
  jpWarning:
    "The internal deadline is on or after two weeks from arrival ({date}); the person may sue once two weeks have passed.",
};

export const deadlines = { ja, en };
