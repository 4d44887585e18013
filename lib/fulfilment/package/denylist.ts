// Items that need care in a disclosure package, whatever a system returns, checked on the category
// key and on the field name, because a connector may file such a value under any category:
// - the My Number (個人番号) is never included: the My Number Act (Art.19) forbids passing it on
//   outside its purposes;
// - other government ID numbers (passport, driving licence, residence card, health insurance,
//   pension), passwords and PINs, and answers to security questions are the person's own data and
//   are disclosed unless staff withhold the item with a ground (APPI Art.33(2)(i)-(iii): handing
//   over a password could harm the person, say); the preview marks them for that check, and the
//   package names the ground of each one withheld.

export type SensitiveKind = "MY_NUMBER" | "GOVERNMENT_ID" | "PASSWORD" | "SECURITY_ANSWER";
export type NeverDisclosedKind = Extract<SensitiveKind, "MY_NUMBER">;

// Category keys, as a data map would name them. The demo seed holds none of these; a system that
// adds one gets it kept out of packages without a code change.
const CATEGORY_KEYS: Record<string, SensitiveKind> = {
  my_number: "MY_NUMBER",
  individual_number: "MY_NUMBER",
  government_id: "GOVERNMENT_ID",
  passport_number: "GOVERNMENT_ID",
  drivers_license_number: "GOVERNMENT_ID",
  drivers_licence_number: "GOVERNMENT_ID",
  residence_card_number: "GOVERNMENT_ID",
  health_insurance_number: "GOVERNMENT_ID",
  pension_number: "GOVERNMENT_ID",
  password: "PASSWORD",
  credentials: "PASSWORD",
  security_answer: "SECURITY_ANSWER",
  security_question: "SECURITY_ANSWER",
};

// Field names are compared lower-cased without spaces, underscores, hyphens and dots, so
// "passport_no", "passportNo" and "Passport Number" read the same. Each pattern names a NUMBER or
// a secret, not a topic: the seed's "nursingLicence" (whether a nursing licence is registered) and
// "sakuraLinkId" (the member ID) stay in the package.
const FIELD_PATTERNS: readonly [RegExp, SensitiveKind][] = [
  [/mynumber|individualnumber|kojinbango|個人番号|マイナンバー/, "MY_NUMBER"],
  [/passport(no|num|number|id|$)|旅券番号|パスポート番号/, "GOVERNMENT_ID"],
  [/drivers?licen[cs]e|licen[cs]e(no|num|number)|免許証?番号/, "GOVERNMENT_ID"],
  [/residencecard(no|num|number|id|$)|在留カード番号|特別永住者証明書番号/, "GOVERNMENT_ID"],
  [
    /(healthinsurance|insured|insurer)(card)?(no|num|number|symbol)|被?保険者(証)?(番号|記号)/,
    "GOVERNMENT_ID",
  ],
  [/pension(no|num|number)|基礎年金番号/, "GOVERNMENT_ID"],
  [/password|passwd|passphrase|passcode|^pin(code)?$|^pwd$|パスワード|暗証番号/, "PASSWORD"],
  [/security(question|answer)|secret(question|answer)|秘密の(質問|答え|回答)/, "SECURITY_ANSWER"],
];

const normalise = (text: string) => text.toLowerCase().replace(/[\s_\-.・]/g, "");

type ItemName = { categoryKey: string; field: string };

/** What kind of number or secret an item holds, or null for ordinary data. */
export function sensitiveKind(item: ItemName): SensitiveKind | null {
  const byCategory = CATEGORY_KEYS[item.categoryKey];
  if (byCategory) return byCategory;
  for (const text of [normalise(item.field), normalise(item.categoryKey)]) {
    for (const [pattern, kind] of FIELD_PATTERNS) if (pattern.test(text)) return kind;
  }
  return null;
}

/** Why an item may never be disclosed (the My Number), or null when it may. */
export function neverDisclosedKind(item: ItemName): NeverDisclosedKind | null {
  return sensitiveKind(item) === "MY_NUMBER" ? "MY_NUMBER" : null;
}

/** A kind disclosed unless staff withhold the item with a ground, or null. */
export function checkKind(item: ItemName): Exclude<SensitiveKind, "MY_NUMBER"> | null {
  const kind = sensitiveKind(item);
  return kind === "MY_NUMBER" ? null : kind;
}
