// Strings of the configuration of the integration API keys, webhooks and errors. Japanese is the source; English must have the same keys.
const ja = {
  title: "連携API",
};

const en: typeof ja = {
  title: "Integration API",
};

export const integration = { ja, en };
