// Strings of the identity feature. Japanese is the source; English must have the same keys.
const ja = {
  title: "-",
};

const en: typeof ja = {
  title: "-",
};

export const identity = { ja, en };
