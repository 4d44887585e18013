// Strings of the configuration index (/manager/settings): where each setting lives.
const ja = {
  title: "設定",
  intro: "組織のデータマップ、期限、文面、担当者の設定です。変更はすべて監査ログに記録されます。",
  dataMapTitle: "データマップ",
  policiesTitle: "期限・手数料・文面・担当者",
  integrationTitle: "連携",
  organisationTitle: "組織とブランド",
  link: {
    brand: "組織の名称・窓口・ロゴ・ブランドカラー",
    statements: "公表する文言（苦情の窓口、安全管理措置など）",
    systems: "データシステム（接続方式、エンドポイント、シークレットの更新）",
    categories: "データの項目",
    purposes: "利用目的",
    recipients: "提供先",
    deadlines: "期限のポリシー",
    fees: "手数料",
    authorities: "苦情の申出先（監督機関）",
    templates: "メッセージのテンプレート",
    staff: "担当者のアカウントと権限",
    apiKeys: "連携APIのキーとWebhook",
    drpAgents: "認定代理人（データ権利プロトコル）",
  },
};

const en: typeof ja = {
  title: "Settings",
  intro:
    "The organisation's data map, deadlines, wording and staff. Every change is written to the audit log.",
  dataMapTitle: "Data map",
  policiesTitle: "Deadlines, fees, wording and staff",
  integrationTitle: "Integration",
  organisationTitle: "Organisation and brand",
  link: {
    brand: "Organisation name, contact desk, logo and brand colour",
    statements: "Public statements (complaint desk, security measures and more)",
    systems: "Data systems (connector, endpoint, secret rotation)",
    categories: "Data categories",
    purposes: "Purposes of use",
    recipients: "Recipients",
    deadlines: "Deadline policies",
    fees: "Fees",
    authorities: "Where to complain (supervisory authorities)",
    templates: "Message templates",
    staff: "Staff accounts and roles",
    apiKeys: "Integration API keys and webhooks",
    drpAgents: "Authorised agents (Data Rights Protocol)",
  },
};

export const settings = { ja, en };
