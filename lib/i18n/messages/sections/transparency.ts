// Strings of the transparency feature. Japanese is the source; English must have the same keys.
const ja = {
  title: "-",
};

const en: typeof ja = {
  title: "-",
};

export const transparency = { ja, en };
