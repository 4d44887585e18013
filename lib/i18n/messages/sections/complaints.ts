// Where a person may complain about a refusal, partial refusal or extension (lib/requests/
// complaints.ts). Shown on the request page and appended to the mail. Japanese is the source.
const ja = {
  title: "ご不服がある場合",
  intro: "この対応にご不服がある場合は、次の監督機関に苦情を申し立てることができます。",
  contact: "（{contact}）",
  court: "また、裁判所に訴えを提起することもできます。",
  mailHeader: "この対応にご不服がある場合は、次の監督機関に苦情を申し立てることができます。",
};

const en: typeof ja = {
  title: "If you disagree",
  intro: "If you disagree with how we handled this, you may complain to:",
  contact: "({contact})",
  court: "You may also take the matter to court.",
  mailHeader: "If you disagree with how we handled this, you may complain to:",
};

export const complaints = { ja, en };
