// Strings of the disclosure package: the documents the requester receives (lib/fulfilment/package),
// the staff package panel (components/staff/package) and the requester's download links.
// Japanese is the source; English must have the same keys (lib/i18n/catalogue.test.ts).
const ja = {
  doc: {
    title: "保有個人データの開示",
    intro:
      "{organisation}が保有するあなたの個人データと、その取り扱いについてお知らせします（個人情報保護法第33条）。",
    reference: "受付番号",
    generatedAt: "作成日時",
    itemCount: "開示する項目の数",
    contents: "目次",
    page: "{page}ページ",
    pageOf: "{page} / ",
    letterSubject: "保有個人データの開示について（ご回答）",
    salutation: "{name} 様",
    salutationAnonymous: "ご請求者 様",
    letterBody:
      "{organisation}です。受付番号 {reference} のご請求について、当社が保有するあなたの個人データとその取り扱いを、本書のとおり開示いたします。内容についてご不明な点は、下記の窓口までお問い合わせください。",
    issuedOn: "発行日",
    contact: "お問い合わせ先",
    continued: "（続き）",
    none: "ありません。",
  },
  section: {
    items: "開示する個人データ",
    purposes: "利用目的",
    sources: "取得の経緯",
    recipients: "第三者への提供",
    retention: "保存期間",
    rights: "ご本人の権利と請求の方法",
    complaint: "苦情の申出先",
    automated: "自動化された意思決定",
    withheld: "開示しなかった項目",
  },
  complaint: {
    intro:
      "この回答やデータの取り扱いにご不服がある場合は、次の監督機関に苦情を申し立てることができます。また、裁判所に訴えを提起することもできます。",
  },
  automated: {
    intro:
      "プロファイリングを含む、自動化された処理のみに基づく決定についてのご説明です（GDPR第15条第1項(h)）。",
  },
  col: {
    ref: "項目ID",
    category: "情報の種類",
    system: "システム",
    field: "項目",
    value: "内容",
    source: "取得の方法",
    sourceNote: "取得の経緯",
    collectedAt: "取得日",
    reason: "理由",
    purpose: "利用目的",
    description: "内容",
    categories: "対象となる情報",
    recipient: "提供先",
    recipientClass: "区分",
    count: "提供の回数",
    period: "期間",
    country: "国",
    regime: "その国の個人情報保護制度",
    measures: "提供先が講じている措置",
    safeguard: "移転の保護措置（GDPR第15条第2項）",
    retainUntil: "保存期間",
    legalHold: "法令による保存",
  },
  source: {
    DIRECT: "ご本人から直接",
    AUTOMATIC: "サービス利用時に自動的に記録",
    THIRD_PARTY: "第三者から",
    PUBLIC: "公開されている情報から",
  },
  purposes: {
    intro: "あなたの個人データは、次の目的で利用しています。",
  },
  sources: {
    intro: "情報の種類ごとに、どのように取得したかを示します。",
  },
  recipients: {
    intro:
      "あなたの個人データを提供した先を、提供の記録（個人情報保護法第29条・第30条）から提供先ごとにまとめました。外国にある第三者には、その国と制度、提供先の措置を示します（第28条）。",
    period: "{from}〜{to}",
  },
  retention: {
    intro:
      "情報の種類ごとの保存期間です。法令で保存が義務づけられている情報は、その理由を示します。",
    untilPurpose: "利用目的の達成まで",
    until: "{date}まで（最長）",
  },
  rights: {
    intro:
      "あなたは、ご自身の保有個人データについて、次の請求ができます。法令で認められる範囲で応じられない場合は、その理由をご説明します。",
    how: "請求は、プライバシーセンターのマイページからログインして行えます（パスワードは不要です）。郵送・窓口でも受け付けます。",
    contact: "お問い合わせ先: {contact}",
  },
  withheld: {
    intro:
      "次の項目は開示しませんでした。項目ごとに理由を示します（個人情報保護法第33条第2項・第3項）。",
    neverIncluded:
      "個人番号（マイナンバー）は、番号法により開示の対象に含めていません（{count}件）。",
    groundAndReason: "{ground}（{reason}）",
  },
  gaps: {
    title: "取得できなかったデータ",
    intro:
      "次のシステムについては、本書の作成時点でシステムからデータを取得できませんでした。当社が本ポータルに保有するそのシステムの記録は本書に含めていますが、すべてではない可能性があります。詳しくはお問い合わせ先までご連絡ください。",
    failed: "システムから応答がありませんでした",
    cancelled: "取得の手続きを中止しました",
    line: "{system}: {reason}",
  },
  errors: {
    pending:
      "回答を待っているシステムがあるため、まだ作成できません。すべてのシステムのタスクが終わってから作成してください。",
    gapsNotAccepted:
      "データを取得できなかったシステムがあります。そのことを本書に記載して作成する場合は、確認のチェックを入れてください。",
    notBuilt:
      "開示パッケージがまだ作成されていません。開示する項目を確認し、パッケージを作成してから完了してください。",
    outdated:
      "パッケージの作成後にシステムからの回答が変わりました。パッケージを作り直してから完了してください。",
  },
  kind: {
    MY_NUMBER: "個人番号（マイナンバー）",
    GOVERNMENT_ID: "公的な識別番号",
    PASSWORD: "パスワード",
    SECURITY_ANSWER: "秘密の質問の答え",
  },
  format: {
    JSON: "JSON",
    CSV: "CSV",
    PDF: "PDF",
    HTML: "HTML（閲覧用）",
    PAPER: "PDF（郵送用）",
  },
  download: {
    JSON: "JSON形式でダウンロード",
    CSV: "CSV形式でダウンロード",
    PDF: "PDF形式でダウンロード",
    HTML: "閲覧用の文書（HTML）をダウンロード",
    PAPER: "郵送した書面の控え（PDF）をダウンロード",
  },
  panel: {
    title: "開示パッケージ",
    help: "開示される項目を確認し、開示できない項目は理由を添えて不開示にしてから、パッケージを作成してください。完了すると、作成したパッケージが請求者に公開されます（7日間）。",
    formats: "作成する形式: {formats}",
    origins: "項目の取得元",
    originRecords: "{system}: ポータルの記録",
    originManual: "{system}: ポータルの記録（担当者が手作業で照合済み）",
    originConnector: "{system}: システムからの回答",
    originPending: "{system}: タスクの完了待ち（完了するまで作成できません）",
    originMissing:
      "{system}: 取得できませんでした（{reason}）。本書にその旨を記載し、ポータルの記録を開示します",
    cancelledReason: "タスクを中止: {note}",
    failedReason: "タスクが失敗: {failure}",
    acceptGaps: "取得できなかったシステムがあることを本書に記載して作成します",
    counts:
      "パッケージに含まれる項目: {included}件（不開示 {withheld}件・開示の対象外 {never}件を除く）",
  },
  preview: {
    title: "開示される項目",
    caption: "開示の対象（{from}〜{to}件目／全{total}件）",
    empty: "開示の対象となる項目はありません。",
    state: "扱い",
    included: "開示する",
    redacted: "不開示: {reason}",
    never: "対象外（{kind}）",
    check: "確認: {kind}。不開示の根拠がなければ開示します",
    redact: "不開示にする",
    ground: "不開示の根拠（第33条第2項）",
    chooseGround: "不開示の根拠を選んでください",
    reason: "不開示の理由（請求者に示されます）",
    save: "不開示として記録",
    cancel: "やめる",
    undo: "不開示を取り消す",
    previous: "前の50件",
    next: "次の50件",
    pages: "{page} / {pages}ページ",
    pagination: "項目のページ",
    loading: "読み込み中…",
    loadFailed: "項目を読み込めませんでした。もう一度お試しください。",
  },
  build: {
    submit: "パッケージを作成する",
    rebuild: "パッケージを作り直す",
    working: "作成しています…",
    done: "パッケージを作成しました（{count}件の項目）。",
    stale: "不開示の設定を変更したため、作成済みのパッケージを取り消しました。作り直してください。",
  },
  prepared: {
    title: "作成済みのパッケージ（未公開）",
    caption: "作成済みのパッケージ",
    none: "まだ作成していません。",
    format: "形式",
    items: "項目数",
    size: "サイズ",
    createdAt: "作成日時",
    checksum: "SHA-256",
    download: "{format}を確認用にダウンロード",
    sizeKb: "{size} KB",
  },
};

const en: typeof ja = {
  doc: {
    title: "Disclosure of your personal data",
    intro:
      "The personal data {organisation} holds about you, and how it is handled (APPI Article 33).",
    reference: "Reference",
    generatedAt: "Prepared at",
    itemCount: "Items disclosed",
    contents: "Contents",
    page: "Page {page}",
    pageOf: "Page {page} of ",
    letterSubject: "Your request for disclosure of personal data: our answer",
    salutation: "Dear {name},",
    salutationAnonymous: "Dear requester,",
    letterBody:
      "Following your request {reference}, {organisation} discloses in this document the personal data it holds about you and how it is handled. If anything in it is unclear, please contact the desk below.",
    issuedOn: "Issued on",
    contact: "Contact",
    continued: "(continued)",
    none: "None.",
  },
  section: {
    items: "Your personal data",
    purposes: "Purposes of use",
    sources: "How the data was obtained",
    recipients: "Provision to third parties",
    retention: "How long it is kept",
    rights: "Your rights and how to use them",
    complaint: "Where to complain",
    automated: "Automated decision-making",
    withheld: "Items not disclosed",
  },
  complaint: {
    intro:
      "If you disagree with this answer or with how we handle your data, you may complain to the supervisory authority below, and you may also go to court.",
  },
  automated: {
    intro:
      "About decisions based solely on automated processing, including profiling (GDPR Art.15(1)(h)).",
  },

  col: {
    ref: "Item ID",
    category: "Kind of information",
    system: "System",
    field: "Item",
    value: "Content",
    source: "How obtained",
    sourceNote: "Details of how it was obtained",
    collectedAt: "Obtained on",
    reason: "Reason",
    purpose: "Purpose",
    description: "Description",
    categories: "Information concerned",
    recipient: "Recipient",
    recipientClass: "Class",
    count: "Times provided",
    period: "Period",
    country: "Country",
    regime: "That country's data-protection system",
    measures: "The recipient's measures",
    safeguard: "Safeguard for the transfer (GDPR Art. 15(2))",
    retainUntil: "Kept until",
    legalHold: "Kept by law",
  },
  source: {
    DIRECT: "From you directly",
    AUTOMATIC: "Recorded automatically when you used a service",
    THIRD_PARTY: "From a third party",
    PUBLIC: "From public sources",
  },
  purposes: {
    intro: "We use your personal data for these purposes.",
  },
  sources: {
    intro: "How each kind of information was obtained.",
  },
  recipients: {
    intro:
      "The recipients of your personal data, summarised from the provision records (APPI Articles 29 and 30). For recipients in a foreign country we show the country, its system and the recipient's measures (Article 28).",
    period: "{from} – {to}",
  },
  retention: {
    intro:
      "How long each kind of information is kept. Where a law requires us to keep it, the reason is shown.",
    untilPurpose: "Until the purpose is achieved",
    until: "Until {date} at the latest",
  },
  rights: {
    intro:
      "You may make these requests about your personal data. Where the law lets us decline, we explain why.",
    how: "Sign in to My page in the privacy center to file a request (no password needed). Requests by post or in person are accepted too.",
    contact: "Contact: {contact}",
  },
  withheld: {
    intro:
      "These items were not disclosed. The reason is given for each (APPI Article 33(2) and (3)).",
    neverIncluded:
      "The My Number (individual number) is never included: the My Number Act forbids passing it on ({count, plural, one {# item} other {# items}}).",
    groundAndReason: "{ground} ({reason})",
  },
  gaps: {
    title: "Data we could not gather",
    intro:
      "For the systems below, we could not obtain data from the system itself when this document was prepared. The records of those systems that we hold in this portal are included, but they may not be complete. Please contact us if you have questions.",
    failed: "The system did not answer",
    cancelled: "Gathering the data was stopped",
    line: "{system}: {reason}",
  },
  errors: {
    pending:
      "Some systems have not answered yet, so the package cannot be built. Build it once every system's task has finished.",
    gapsNotAccepted:
      "The data of some systems could not be gathered. To build the package stating this, tick the confirmation.",
    notBuilt:
      "The disclosure package has not been built. Check the items and build the package before completing the request.",
    outdated:
      "A system's answer changed after the package was built. Build the package again before completing the request.",
  },
  kind: {
    MY_NUMBER: "My Number (individual number)",
    GOVERNMENT_ID: "government ID number",
    PASSWORD: "password",
    SECURITY_ANSWER: "security answer",
  },
  format: {
    JSON: "JSON",
    CSV: "CSV",
    PDF: "PDF",
    HTML: "HTML (readable)",
    PAPER: "PDF (postal copy)",
  },
  download: {
    JSON: "Download as JSON",
    CSV: "Download as CSV",
    PDF: "Download as PDF",
    HTML: "Download the readable document (HTML)",
    PAPER: "Download a copy of the posted document (PDF)",
  },
  panel: {
    title: "Disclosure package",
    help: "Check the items to be disclosed, withhold any that may not be disclosed with the reason, then build the package. Completing the request releases the built package to the requester for 7 days.",
    formats: "Formats to build: {formats}",
    origins: "Where the items come from",
    originRecords: "{system}: the portal's records",
    originManual: "{system}: the portal's records (checked against the system by hand)",
    originConnector: "{system}: the system's answer",
    originPending:
      "{system}: waiting for its task to finish (the package cannot be built until then)",
    originMissing:
      "{system}: could not be gathered ({reason}). The package says so and discloses the portal's records",
    cancelledReason: "task cancelled: {note}",
    failedReason: "task failed: {failure}",
    acceptGaps: "Build the package stating that some systems' data could not be gathered",
    counts:
      "Items the package will contain: {included} (not counting {withheld} withheld and {never} never disclosed)",
  },
  preview: {
    title: "Items to be disclosed",
    caption: "Items to be disclosed ({from}–{to} of {total})",
    empty: "There are no items to disclose.",
    state: "Treatment",
    included: "Disclosed",
    redacted: "Withheld: {reason}",
    never: "Never included ({kind})",
    check: "Check: {kind}. Disclosed unless a ground to withhold it applies",
    redact: "Withhold",
    ground: "Ground for withholding (APPI Art. 33(2))",
    chooseGround: "Choose the ground for withholding",
    reason: "Reason for withholding (shown to the requester)",
    save: "Record as withheld",
    cancel: "Cancel",
    undo: "Disclose again",
    previous: "Previous 50",
    next: "Next 50",
    pages: "Page {page} of {pages}",
    pagination: "Item pages",
    loading: "Loading…",
    loadFailed: "The items could not be loaded. Please try again.",
  },
  build: {
    submit: "Build the package",
    rebuild: "Rebuild the package",
    working: "Building…",
    done: "The package was built ({count, plural, one {# item} other {# items}}).",
    stale: "Withheld items changed, so the built package was discarded. Please build it again.",
  },
  prepared: {
    title: "Built packages (not yet released)",
    caption: "Built packages",
    none: "Nothing built yet.",
    format: "Format",
    items: "Items",
    size: "Size",
    createdAt: "Built at",
    checksum: "SHA-256",
    download: "Download the {format} to check it",
    sizeKb: "{size} KB",
  },
};

export const disclosurePackage = { ja, en };
