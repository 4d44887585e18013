// Strings of the Global Privacy Control signal (issue 16): the notice on the person's pages, the
// acknowledgement to a visitor not signed in, the transparency page's section, the data map's
// flags and the dashboard's count. Japanese is the source; English must have the same keys.
const ja = {
  name: "グローバル・プライバシー・コントロール（GPC）",
  honouredTitle: "ブラウザのGPCシグナルに従っています",
  honouredSince: "{date}から、次のとおり扱っています。",
  stoppedPurpose: "「{name}」のための利用を停止しました",
  stoppedRecipient: "{name}への提供を停止しました",
  nothingToStop: "この扱いの対象となる利用目的・提供先は現在ありません。",
  acknowledged:
    "お使いのブラウザはグローバル・プライバシー・コントロール（GPC）のシグナルを送っています。個人データの販売・共有とターゲティング広告への利用を拒否する意思として扱い、ログインするとあなたのアカウントに適用します。",
  noRecord:
    "お使いのブラウザはGPCシグナルを送っています。現在、当社にはあなたについての記録がありません。記録ができた後の訪問で適用します。",
  learnMore: "GPCの扱いについて",
  sourceGpc: "GPCシグナルによる",
  sectionTitle: "グローバル・プライバシー・コントロール（GPC）への対応",
  sectionIntro:
    "ブラウザや拡張機能が送るGPCシグナル（Sec-GPC: 1）を、個人データの販売・共有とターゲティング広告への利用を拒否する意思として扱います（カリフォルニア州消費者プライバシー法などが求める扱いです）。",
  sectionHow:
    "ログインした状態でシグナルを受け取ると、次の利用目的と提供先についての利用停止を、あなたの記録に一度だけ登録し、連携するシステムにも通知します。ログインしていない場合は、ログインしたときに適用します。解除したい場合は、お問い合わせ窓口にご連絡ください。",
  sectionPurposes: "停止する利用目的",
  sectionRecipients: "停止する提供先",
  sectionNone: "該当なし",
  dashboardCount: "GPCによるオプトアウト",
  dashboardCountHelp: "GPCシグナルに従って利用停止を登録した人数（直近30日 {recent}人）",
};

const en: typeof ja = {
  name: "Global Privacy Control (GPC)",
  honouredTitle: "We honour your browser's GPC signal",
  honouredSince: "Since {date}, we treat your data as follows.",
  stoppedPurpose: "Use for “{name}” stopped",
  stoppedRecipient: "Provision to {name} stopped",
  nothingToStop: "No purpose or recipient is covered by this signal at present.",
  acknowledged:
    "Your browser sends a Global Privacy Control (GPC) signal. We treat it as your choice not to have your personal data sold or shared, nor used for targeted advertising, and apply it to your account when you sign in.",
  noRecord:
    "Your browser sends a GPC signal. We hold no record about you at present; we will apply it on a visit once we do.",
  learnMore: "How we honour GPC",
  sourceGpc: "By your GPC signal",
  sectionTitle: "Global Privacy Control (GPC)",
  sectionIntro:
    "We treat the GPC signal that browsers and extensions send (Sec-GPC: 1) as your choice not to have your personal data sold or shared, nor used for targeted advertising (as the California Consumer Privacy Act and other laws require).",
  sectionHow:
    "When the signal reaches us while you are signed in, we record once, on your record, that the purposes and recipients below are stopped, and tell the systems connected to us. If you are not signed in, we apply it when you sign in. To lift it, contact our desk.",
  sectionPurposes: "Purposes stopped",
  sectionRecipients: "Recipients no longer provided with data",
  sectionNone: "None",
  dashboardCount: "GPC opt-outs",
  dashboardCountHelp: "People whose GPC signal we recorded as an opt-out (last 30 days: {recent})",
};

export const gpc = { ja, en };
