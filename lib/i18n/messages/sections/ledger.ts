// Strings of the ledger feature. Japanese is the source; English must have the same keys.
const ja = {
  title: "-",
};

const en: typeof ja = {
  title: "-",
};

export const ledger = { ja, en };
