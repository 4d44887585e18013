// Strings of the configuration of deadline policies, fees, message templates and staff accounts. Japanese is the source; English must have the same keys.
const ja = {
  title: "期限・手数料・文面・担当者の設定",
};

const en: typeof ja = {
  title: "Deadlines, fees, wording and staff",
};

export const settingsPolicies = { ja, en };
