// Strings of the configuration of data systems, categories, purposes and recipients. Japanese is the source; English must have the same keys.
const ja = {
  title: "データマップの設定",
};

const en: typeof ja = {
  title: "Data map settings",
};

export const settingsDataMap = { ja, en };
