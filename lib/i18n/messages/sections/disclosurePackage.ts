// Strings of the staff workspace's disclosurePackage feature. Japanese is the source; English must have the
// same keys (lib/i18n/catalogue.test.ts).
const ja = {};

const en: typeof ja = {};

export const disclosurePackage = { ja, en };
