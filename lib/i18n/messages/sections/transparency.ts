// Strings of the public transparency page (app/[locale]/privacy). Only generic headings and
// explanations live here; every organisation-specific fact comes from the database.
// Japanese is the source; English must have the same keys.
const ja = {
  metaDescription:
    "当社の個人情報の取り扱い（利用目的、提供先、外国にある第三者、安全管理措置、請求の手続と手数料、苦情の申出先）をまとめた透明性レポートです。",
  title: "個人情報の取り扱いについて（透明性レポート）",
  intro:
    "{organisation}が取得する個人情報の種類と取得の方法、利用目的、提供先、捜査機関への対応、請求の方法を、当社のデータベースに登録されている最新の内容からご説明します。",
  updated: "最終更新: {date}",
  otherLanguage: "English",
  toc: "目次",
  unavailable: "現在この情報を表示できません。時間をおいて再度お試しください。",
  listSeparator: "、",
  section: {
    collection: "取得する個人情報と取得の方法",
    purposes: "利用目的",
    recipients: "第三者への提供",
    foreign: "外国にある第三者への提供",
    processors: "業務委託先",
    lawEnforcement: "捜査機関への情報提供",
    rights: "開示等の請求と請求の方法",
    fees: "手数料",
    identity: "本人確認書類",
    contact: "お問い合わせ先",
    security: "安全管理のために講じた措置",
    complaints: "苦情の申出先",
  },
  security: {
    intro:
      "保有個人データの安全管理のために、次の措置を講じています（個人情報保護法第32条第1項第4号、施行令第10条第1号）。",
  },
  complaints: {
    intro: "個人情報の取り扱いに関する苦情は、まず当社の窓口にお寄せください。",
    authoritiesIntro:
      "当社の対応にご不服がある場合は、適用される法律ごとに次の監督機関に苦情を申し立てることができます。また、裁判所に訴えを提起することもできます。",
    caption: "法律ごとの監督機関",
    colLaw: "法律",
    colAuthority: "監督機関",
  },
  collection: {
    intro: "当社は、次の方法で個人情報を取得します。",
    classesIntro:
      "取得する情報を、個人情報・要配慮個人情報・インフォマティブ情報の区分ごとに示します。「取得の方法」は、現在保有している情報の取得経緯を集計したものです。",
    caption: "{dataClass}の項目と取得の方法",
    colCategory: "情報の種類",
    colDescription: "説明",
    colWays: "取得の方法",
    colRetention: "保存期間",
    retentionNotStated: "記載なし",
    notHeld: "現在は保有していません",
    way: {
      DIRECT: "ご本人から直接",
      AUTOMATIC: "サービス利用時に自動的に記録",
      THIRD_PARTY: "第三者から",
      PUBLIC: "公開されている情報から",
    },
    wayHelp: {
      DIRECT:
        "ご本人から直接、個人情報の提供を受ける方法（会員登録、予約、応募、お問い合わせなど）",
      AUTOMATIC: "ご本人が当社サービスを利用する際に、自動的に個人情報を記録する方法",
      THIRD_PARTY: "第三者から間接的にご本人の個人情報の提供を受ける方法",
      PUBLIC: "刊行物やインターネット等で公開された個人情報を取得する方法",
    },
    classHelp: {
      ORDINARY: "氏名、連絡先、利用履歴など、特定の個人を識別できる情報です。",
      SENSITIVE:
        "病歴・障害など、不当な差別や偏見が生じないよう特に配慮を要する情報です（個人情報保護法第2条第3項）。取得にはご本人の同意が必要で、ご本人が利用を希望したサービスのためにのみ利用します。",
      INFORMATIVE:
        "Cookie、IPアドレス、広告識別子、位置情報、閲覧履歴など、単体では特定の個人を識別できない情報です。ご本人の会員情報と紐付けた場合は、個人情報として取り扱います。",
    },
  },
  purposes: {
    intro:
      "当社は、次の目的で個人情報を利用します。利用停止を請求できる目的と、法令上の義務のため対象外となる目的を示します。",
    caption: "利用目的と利用停止の可否",
    colPurpose: "利用目的",
    colDescription: "内容",
    colSuspendable: "利用停止の請求",
    suspendable: "請求できます",
    notSuspendable: "対象外（法令上必要なため）",
  },
  recipients: {
    intro:
      "当社は、ご本人の同意やご本人によるサービスの利用申込みなどに基づき、次の区分の提供先に個人情報を提供することがあります。提供の記録はご本人がマイページで確認できます。",
    classesTitle: "提供先の区分",
    classesCaption: "提供先の区分と主な提供シーン",
    colClass: "区分",
    colExplanation: "説明",
    colRecipients: "提供先の数",
    colScenes: "主な提供シーン",
    recipientCount: "{count}件",
    classHelp: {
      THIRD_PARTY: "当社グループ以外の企業・団体（予約先の施設、応募先の企業、提携先など）",
      GROUP_COMPANY: "当社グループの会社",
      FOREIGN_THIRD_PARTY: "外国にある第三者（個人情報保護法第28条）",
      PROCESSOR: "個人情報の取り扱いを委託する業務委託先",
      LAW_ENFORCEMENT: "法令に基づく要請を行う捜査機関等",
    },
    scenesTitle: "提供シーン",
    scenesIntro: "主に次の場面で、ご本人のパーソナルデータを提供します。",
    scenesCaption: "提供シーンと提供する情報の例",
    colScene: "シーン",
    colSceneDescription: "内容",
    colSceneClasses: "提供先の区分",
    colSceneItems: "提供する情報の例",
    notUsed: "現在は提供していません",
  },
  foreign: {
    intro:
      "外国にある第三者に個人情報を提供する場合の、提供先の所在国、その国の個人情報保護制度、提供先が講じている措置を示します（個人情報保護法第28条）。業務委託先は業務の種類で示します。",
    caption: "外国にある提供先と所在国の制度",
    colRecipient: "提供先",
    colClass: "区分",
    colCountry: "所在国",
    colRegime: "所在国の個人情報保護制度",
    colMeasures: "提供先が講じている措置",
  },
  processors: {
    intro:
      "個人情報の取り扱いを委託している業務の種類と所在国です（委託先の名称は示していません）。",
    caption: "業務委託の種類",
    colCategory: "委託する業務",
    colCountry: "所在国",
    colCount: "委託先の数",
  },
  lawEnforcement: {
    policyTitle: "対応の方針",
    countsTitle: "提供件数",
    countsIntro:
      "捜査機関へ情報を提供した件数を、年（日本時間）と法的根拠ごとに示します。提供の都度、社内の登録簿に記録しています。",
    caption: "捜査機関への情報提供件数（年別・根拠別）",
    colYear: "年",
    year: "{year}年",
    colTotal: "合計",
    basis: {
      WARRANT: "令状",
      INQUIRY: "捜査関係事項照会",
      OTHER_LAW: "その他の法令",
    },
    noneYet: "これまでに提供した記録はありません。",
  },
  rights: {
    intro:
      "ご本人または代理人は、ご本人が識別される保有個人データについて、次の請求ができます。法令で認められる範囲で応じられない場合は、その理由をご説明します。",
    caption: "請求できること",
    colRight: "請求の種類",
    colExplanation: "内容",
    howTitle: "請求の方法",
    online:
      "ウェブでの請求は、メールアドレスでログインしてから行えます。パスワードは不要です。請求の受付状況と回答はマイページで確認できます。",
    signIn: "ログインして請求する",
    offlineTitle: "郵送・窓口での請求",
    deadline: "請求が届いた日から{period}以内に回答します。",
    unit: {
      CALENDAR_DAYS: "{amount}日",
      BUSINESS_DAYS: "{amount}営業日",
      MONTHS: "{amount}か月",
    },
    agentTitle: "代理人による請求",
    agentIntro:
      "次の代理人が、ご本人に代わって請求できます。代理権を証する書類と、代理人ご自身の本人確認書類をご提出ください。",
    agentCaption: "代理人の種類と必要な書類",
    colAgent: "代理人",
    colWho: "該当する方",
    colProof: "代理権を証する書類",
    legalRepresentative: "未成年者の親権者、成年被後見人の成年後見人",
    legalRepresentativeProof:
      "戸籍謄本または住民票の写し（未成年者の場合）、登記事項証明書（成年被後見人の場合）",
    appointedAgent: "ご本人から請求を委任された方",
    appointedAgentProof: "ご本人が署名した委任状",
  },
  fees: {
    intro:
      "手数料は、利用目的の通知と開示の請求についてのみ、実費を勘案した合理的な範囲で定めることができます（個人情報保護法第38条）。",
    caption: "請求の種類ごとの手数料",
    colRequest: "請求の種類",
    colFee: "手数料",
    free: "無料",
    yen: "{amount}円",
    others:
      "その他の請求（第三者提供記録の開示、訂正・追加・削除、利用停止・消去、第三者提供の停止）",
    waived:
      "EU・EEA、英国、カリフォルニア州、ブラジルにお住まいの方の請求は、それぞれの法律（GDPR、英国GDPR、カリフォルニア州消費者プライバシー法、ブラジル一般データ保護法）により無料です。",
  },
  identity: {
    intro: "なりすましによる請求を防ぐため、請求時に本人確認書類の提出をお願いします。",
    photoTitle: "顔写真付きの書類（1点で足ります）",
    photo: {
      DRIVERS_LICENSE: "運転免許証",
      PASSPORT: "パスポート",
      RESIDENCE_CARD: "在留カード",
      MY_NUMBER_CARD_FRONT: "マイナンバーカード（表面のみ）",
    },
    nonPhotoTitle: "顔写真のない書類（2点必要です）",
    nonPhoto:
      "健康保険の資格確認書・保険証、年金手帳、住民票の写し、公共料金の領収書など、顔写真のない書類の場合は異なる2点をご提出ください。",
    warningTitle: "ご注意",
    myNumber:
      "個人番号（マイナンバー）が記載された書類や、マイナンバーカードの裏面は送らないでください。届いた場合は、番号をマスキングするか書類を廃棄します。",
    healthInsurance:
      "健康保険証などを提出する場合は、保険者番号・記号・番号とQRコードを隠してから提出してください。",
    agent: "代理人による請求では、代理人ご自身の本人確認書類と代理権を証する書類も必要です。",
  },
  contact: {
    name: "事業者",
    address: "住所",
    email: "メール",
    phone: "電話",
    representative: "代表者・個人情報保護管理者",
  },
};

const en: typeof ja = {
  metaDescription:
    "How we handle personal data: purposes, recipients, recipients abroad, security measures, how to make a request and its fees, and where to complain.",
  title: "How we handle personal data (transparency report)",
  intro:
    "What {organisation} collects and how, why we use it, who receives it, how we answer law-enforcement requests and how to file a request — shown from the current records in our database.",
  updated: "Last updated: {date}",
  otherLanguage: "日本語",
  toc: "Contents",
  unavailable: "This information cannot be shown right now. Please try again later.",
  listSeparator: ", ",
  section: {
    collection: "What we collect and how",
    purposes: "Purposes of use",
    recipients: "Provision to third parties",
    foreign: "Recipients in foreign countries",
    processors: "Processors",
    lawEnforcement: "Requests from law enforcement",
    rights: "Your rights and how to file a request",
    fees: "Fees",
    identity: "Identity documents",
    contact: "Contact",
    security: "How we keep personal data secure",
    complaints: "Where to complain",
  },
  security: {
    intro:
      "We take these measures to keep retained personal data secure (APPI Art.32(1)(iv), Enforcement Order Art.10(i)).",
  },
  complaints: {
    intro: "Please bring a complaint about how we handle personal data to our desk first.",
    authoritiesIntro:
      "If you disagree with how we handled it, you may complain to the supervisory authority of the law that applies to you, and you may also go to court.",
    caption: "Supervisory authority per law",
    colLaw: "Law",
    colAuthority: "Authority",
  },
  collection: {
    intro: "We obtain personal data in these ways.",
    classesIntro:
      "The information we collect, by class: ordinary personal data, special-care data and informative data. The ways shown are counted from how the data we hold today was obtained.",
    caption: "{dataClass}: kinds of information and how they are obtained",
    colCategory: "Kind of information",
    colDescription: "Description",
    colWays: "How it is obtained",
    colRetention: "How long it is kept",
    retentionNotStated: "Not stated",
    notHeld: "Not held at present",
    way: {
      DIRECT: "From you directly",
      AUTOMATIC: "Recorded automatically when you use our services",
      THIRD_PARTY: "From third parties",
      PUBLIC: "From public sources",
    },
    wayHelp: {
      DIRECT:
        "You give it to us directly (registration, bookings, applications, enquiries and the like).",
      AUTOMATIC: "It is recorded automatically while you use our services.",
      THIRD_PARTY: "A third party gives it to us.",
      PUBLIC: "We obtain it from publications, the internet or other public sources.",
    },
    classHelp: {
      ORDINARY: "Information that identifies a person, such as name, contact details and usage.",
      SENSITIVE:
        "Information that needs special care to avoid unfair discrimination or prejudice, such as medical history or disability (APPI Art.2(3)). We obtain it only with your consent and use it only for the service you asked for.",
      INFORMATIVE:
        "Information that does not identify a person on its own, such as cookies, IP addresses, advertising IDs, location and browsing logs. Once linked to your member account we treat it as personal data.",
    },
  },
  purposes: {
    intro:
      "We use personal data for these purposes. The table shows which uses you can ask us to stop and which we must continue by law.",
    caption: "Purposes of use and whether you can ask us to stop",
    colPurpose: "Purpose",
    colDescription: "What it covers",
    colSuspendable: "Request to stop",
    suspendable: "Possible",
    notSuspendable: "Not possible (required by law)",
  },
  recipients: {
    intro:
      "With your consent, on your own application or on another basis in law, we may give personal data to recipients of these classes. You can see the record of each provision on your page after signing in.",
    classesTitle: "Classes of recipients",
    classesCaption: "Classes of recipients and the main scenes of provision",
    colClass: "Class",
    colExplanation: "Who they are",
    colRecipients: "Recipients",
    colScenes: "Main scenes",
    recipientCount: "{count}",
    classHelp: {
      THIRD_PARTY:
        "Companies and organisations outside our group (the places you book, employers you apply to, partners)",
      GROUP_COMPANY: "Companies of our group",
      FOREIGN_THIRD_PARTY: "Third parties in a foreign country (APPI Art.28)",
      PROCESSOR: "Processors to whom we entrust the handling of personal data",
      LAW_ENFORCEMENT: "Law-enforcement agencies making requests based on law",
    },
    scenesTitle: "Scenes of provision",
    scenesIntro: "These are the main situations in which we give your personal data to others.",
    scenesCaption: "Scenes of provision and examples of the information given",
    colScene: "Scene",
    colSceneDescription: "What happens",
    colSceneClasses: "Classes of recipients",
    colSceneItems: "Examples of information given",
    notUsed: "Not in use at present",
  },
  foreign: {
    intro:
      "Where we give personal data to a third party in a foreign country: the country, its data-protection regime and the measures the recipient takes (APPI Art.28). Processors are shown by the kind of work.",
    caption: "Recipients abroad and their countries' regimes",
    colRecipient: "Recipient",
    colClass: "Class",
    colCountry: "Country",
    colRegime: "The country's data-protection regime",
    colMeasures: "Measures the recipient takes",
  },
  processors: {
    intro:
      "The kinds of work for which we entrust the handling of personal data, and where the processors are (their names are not listed).",
    caption: "Kinds of entrusted work",
    colCategory: "Entrusted work",
    colCountry: "Country",
    colCount: "Processors",
  },
  lawEnforcement: {
    policyTitle: "Our policy",
    countsTitle: "Number of disclosures",
    countsIntro:
      "How many times we gave information to law enforcement, by year (Japan time) and legal basis. Each disclosure is entered in an internal register.",
    caption: "Disclosures to law enforcement by year and legal basis",
    colYear: "Year",
    year: "{year}",
    colTotal: "Total",
    basis: {
      WARRANT: "Warrant",
      INQUIRY: "Investigation inquiry",
      OTHER_LAW: "Other law",
    },
    noneYet: "We have no record of any disclosure.",
  },
  rights: {
    intro:
      "You, or your agent, can make these requests about the personal data we hold that identifies you. Where the law allows us to decline, we explain why.",
    caption: "What you can request",
    colRight: "Request",
    colExplanation: "What it means",
    howTitle: "How to file a request",
    online:
      "To file online, sign in with your email address; no password is needed. Your page then shows the progress of each request and our answer.",
    signIn: "Sign in to file a request",
    offlineTitle: "By post or in person",
    deadline: "We answer within {period} of the day your request arrives.",
    unit: {
      CALENDAR_DAYS: "{amount, plural, one {# day} other {# days}}",
      BUSINESS_DAYS: "{amount, plural, one {# business day} other {# business days}}",
      MONTHS: "{amount, plural, one {# month} other {# months}}",
    },
    agentTitle: "Filing through an agent",
    agentIntro:
      "These agents can file on your behalf. They send proof of their authority and their own identity document.",
    agentCaption: "Kinds of agents and the documents they need",
    colAgent: "Agent",
    colWho: "Who",
    colProof: "Proof of authority",
    legalRepresentative: "A parent of a minor, or the guardian of an adult ward",
    legalRepresentativeProof:
      "A family register extract or certificate of residence (for a minor); a certificate of registered matters (for an adult ward)",
    appointedAgent: "A person you have appointed to file for you",
    appointedAgentProof: "A letter of authority signed by you",
  },
  fees: {
    intro:
      "A fee may be charged only for purpose notification and disclosure, within a reasonable amount considering actual cost (APPI Art.38).",
    caption: "Fees by kind of request",
    colRequest: "Request",
    colFee: "Fee",
    free: "Free",
    yen: "¥{amount}",
    others:
      "All other requests (provision records, correction, suspension of use or erasure, stopping provision)",
    waived:
      "Requests from residents of the EU/EEA, the UK, California and Brazil are free under their laws (GDPR, UK GDPR, CCPA, LGPD).",
  },
  identity: {
    intro: "To prevent requests by impostors, we ask for an identity document with each request.",
    photoTitle: "Photo ID (one is enough)",
    photo: {
      DRIVERS_LICENSE: "Driver's licence",
      PASSPORT: "Passport",
      RESIDENCE_CARD: "Residence card",
      MY_NUMBER_CARD_FRONT: "My Number card (front side only)",
    },
    nonPhotoTitle: "Documents without a photo (two are needed)",
    nonPhoto:
      "Without a photo ID, send two different documents such as a health-insurance card or eligibility certificate, a pension book, a certificate of residence or a utility bill.",
    warningTitle: "Please note",
    myNumber:
      "Never send a document showing your My Number (individual number) or the back of a My Number card. If one arrives, we mask the number or destroy the document.",
    healthInsurance:
      "If you send a health-insurance card, cover the insurer number, symbol, number and QR code first.",
    agent: "An agent also sends their own identity document and proof of authority.",
  },
  contact: {
    name: "Business operator",
    address: "Address",
    email: "Email",
    phone: "Phone",
    representative: "Representative and personal data protection officer",
  },
};

export const transparency = { ja, en };
