// Strings of the staff workspace's decisions feature. Japanese is the source; English must have the
// same keys (lib/i18n/catalogue.test.ts).
const ja = {
  panelTitle: "対応の結果",
  outcome: "結果",
  outcomeHelp:
    "拒否・一部拒否と、消去の完了は、別の担当者（承認権限のある人）の承認を経て確定します。",
  grounds: "法的理由（該当するものをすべて選択）",
  groundsHelp: "選んだ理由は請求者に通知されます。",
  note: "請求者への回答",
  noteHelp:
    "請求者がこのまま読みます。拒否・一部拒否の場合は、理由を具体的に説明してください（個人情報保護法第36条）。",
  approvalNeeded: "この結果は承認が必要です。承認されると請求は完了します。",
  submitComplete: "完了する",
  submitAskApproval: "承認を依頼する",
  asked: "承認を依頼しました。",
  openTasks:
    "未完了の対応タスクが{count}件あります（待機中{pending}件・実行中{running}件・失敗{failed}件）。失敗したタスクは再実行するか取り消してから完了してください。",
  lastRejection: "前回の承認依頼は差し戻されました",
  rejectedBy: "差し戻した人",
  rejectedAt: "差し戻し日時",
  rejectionNote: "差し戻しの理由",
  awaitingTitle: "承認待ちの提案",
  kind: "承認の種類",
  askedBy: "依頼した人",
  askedAt: "依頼日時",
  waitingForOther: "あなたが依頼した承認です。別の担当者が承認するまでお待ちください。",
  approverOnly: "承認・差し戻しは、承認権限のある別の担当者が行います。",
  decideNote: "コメント（差し戻す場合は必須。依頼した人に表示されます）",
  approve: "承認して確定する",
  reject: "差し戻す",
  refusalGrounds: "理由",
  kinds: {
    ERASURE_COMPLETION: "消去の完了",
    REFUSAL: "拒否・一部拒否",
    EXTENSION: "期限の延長",
  },
  groundLabels: {
    HARM_TO_PERSON: "本人または第三者の生命、身体、財産その他の権利利益を害するおそれがある",
    BUSINESS_DISRUPTION: "当社の業務の適正な実施に著しい支障を及ぼすおそれがある",
    VIOLATES_OTHER_LAW: "他の法令に違反することになる、または他の法令に別の定めがある",
    CONTENT_NOT_UNTRUE: "保有個人データの内容が事実でないとは認められない",
    NOT_WITHIN_GROUNDS: "法令の定める利用停止・消去・提供停止の要件に当たらない",
    IDENTITY_NOT_VERIFIED: "本人（または代理権）であることを確認できない",
    MANIFESTLY_UNFOUNDED: "請求が明らかに根拠を欠く、または過大である",
    PURPOSE_ALREADY_CLEAR:
      "利用目的は公表している内容から明らかである（個人情報保護法第32条第2項）",
    HARM_TO_BUSINESS_INTERESTS:
      "利用目的を通知すると当社の権利または正当な利益を害するおそれがある（同法第21条第4項第2号）",
    STATE_AFFAIRS:
      "国の機関または地方公共団体の事務の遂行に協力する必要があり、通知するとその遂行に支障を及ぼすおそれがある（同法第21条第4項第3号）",
    CCPA_DELETION_EXCEPTION:
      "カリフォルニア州消費者プライバシー法の削除の例外に当たる（§1798.105(d)）",
  },
  outcomeHints: {
    NO_DATA_HELD:
      "本人の保有個人データ（提供記録の請求では提供記録）がないときに選びます。本人に通知されます。データが登録されていると確定できません。",
    DISCLOSED_OTHER_METHOD:
      "指定された方法での開示が困難で、別の方法で開示するときに選びます。回答欄に理由を書いてください（本人に通知されます）。",
  },
  feeAlternative:
    "「明らかに根拠を欠く、または過大」な請求には、拒否する代わりに、事務費用に基づく合理的な手数料を求めて対応することもできます（GDPR・英国GDPR第12条第5項、CCPA §1798.145(h)(3)）。",
  errors: {
    tasksOpen:
      "未完了の対応タスクがあるため確定できません。タスクの完了を待つか、失敗したタスクを再実行または取り消してください。",
    approvalNotNeeded: "この結果には承認は不要です。そのまま完了してください。",
    dataHeld:
      "この人の保有個人データ（または提供記録）が登録されているため、「該当する保有個人データなし」では確定できません。",
  },
  approvals: {
    title: "承認待ち",
    intro:
      "拒否・一部拒否と消去の完了は、依頼した人とは別の人が承認します。自分で依頼したものは承認できません。",
    empty: "承認待ちの依頼はありません。",
    request: "請求",
    type: "種類",
    kind: "承認の種類",
    askedBy: "依頼した人",
    askedAt: "依頼日時",
    dueAt: "回答期限",
    you: "あなた",
  },
  templatePicker: {
    label: "テンプレート",
    none: "選択してください",
    use: "本文に入れる",
    help: "請求の言語（{language}）の文面が本文に入ります。送信前に編集してください。",
  },
  languages: { ja: "日本語", en: "英語" },
  templateNames: {
    acknowledgement: "受付のお知らせ",
    identityResubmission: "本人確認書類の再提出のお願い",
    moreInformation: "追加情報のお願い",
    completionDisclosure: "完了: 開示",
    completionProvisionRecords: "完了: 第三者提供記録の開示",
    completionPurposeNotification: "完了: 利用目的の通知",
    completionCorrection: "完了: 訂正・追加・削除",
    completionSuspensionErasure: "完了: 利用停止・消去",
    completionStopProvision: "完了: 第三者提供の停止",
    refusal: "拒否・一部拒否のお知らせ",
    extensionNotice: "回答期限の延長のお知らせ",
  },
  // Defaults of the message templates; MessageTemplate rows with the same key and language
  // override them. Placeholders: {reference}, {dueDate}, {name}.
  templates: {
    acknowledgement: {
      subject: "【{reference}】ご請求を受け付けました",
      body: "{name} 様\n\nご請求（受付番号 {reference}）を受け付けました。回答期限は {dueDate} です。\n本人確認のうえ、期限内にご回答します。状況はマイページでご確認いただけます。",
    },
    identityResubmission: {
      subject: "【{reference}】本人確認書類の再提出のお願い",
      body: "{name} 様\n\nご提出いただいた本人確認書類では、ご本人であることを確認できませんでした。\n理由: （ここに記入）\n\nお手数ですが、マイページから書類を再提出してください。マイナンバー（個人番号）が記載された面は提出しないでください。",
    },
    moreInformation: {
      subject: "【{reference}】追加の情報のお願い",
      body: "{name} 様\n\nご請求に対応するため、次の情報をお知らせください。\n・（ここに記入）\n\nこのメッセージへの返信でご回答ください。",
    },
    completionDisclosure: {
      subject: "【{reference}】開示のご請求への回答",
      body: "{name} 様\n\n保有個人データの開示のご請求について、回答をご用意しました。マイページの請求の画面からダウンロードできます（7日間）。ダウンロードの前に、もう一度ログインしていただきます。",
    },
    completionProvisionRecords: {
      subject: "【{reference}】第三者提供記録の開示のご請求への回答",
      body: "{name} 様\n\n第三者提供記録の開示のご請求について、回答をご用意しました。マイページの請求の画面からダウンロードできます（7日間）。",
    },
    completionPurposeNotification: {
      subject: "【{reference}】利用目的のお知らせ",
      body: "{name} 様\n\nあなたの個人データの利用目的をお知らせします。マイページの請求の画面からご確認いただけます。",
    },
    completionCorrection: {
      subject: "【{reference}】訂正のご請求への回答",
      body: "{name} 様\n\nご請求の内容を調査し、次のとおり対応しました。\n・（項目、訂正前、訂正後）\n\nこの情報を提供した先にも訂正をお知らせします。",
    },
    completionSuspensionErasure: {
      subject: "【{reference}】利用停止・消去のご請求への回答",
      body: "{name} 様\n\nご請求に基づき、次のとおり対応しました。\n・（対象と措置）\n\n法令により保存が必要な情報は、理由とともにお知らせし、保存期間の満了後に消去します。",
    },
    completionStopProvision: {
      subject: "【{reference}】第三者提供の停止のご請求への回答",
      body: "{name} 様\n\nご請求に基づき、次の提供先への第三者提供を停止しました。\n・（提供先）",
    },
    refusal: {
      subject: "【{reference}】ご請求への対応について",
      body: "{name} 様\n\n誠に恐れ入りますが、ご請求の全部または一部に応じることができません。\n理由: （ここに記入）\n\nご不明な点は、このメッセージへの返信でお問い合わせください。",
    },
    extensionNotice: {
      subject: "【{reference}】回答期限の延長のお知らせ",
      body: "{name} 様\n\nご請求への回答期限を {dueDate} まで延長させていただきます。\n理由: （ここに記入）\n\nお待たせして申し訳ありません。",
    },
  },
};

const en: typeof ja = {
  panelTitle: "Decision",
  outcome: "Outcome",
  outcomeHelp:
    "Refusals, partial refusals and completed erasures are final only once a second person with the approval permission approves them.",
  grounds: "Legal grounds (choose all that apply)",
  groundsHelp: "The requester is told the grounds you choose.",
  note: "Answer to the requester",
  noteHelp:
    "The requester reads this as written. For a refusal or partial refusal, explain the reasons in concrete terms (APPI Art.36).",
  approvalNeeded: "This outcome needs approval. The request completes once it is approved.",
  submitComplete: "Complete",
  submitAskApproval: "Ask for approval",
  asked: "Approval requested.",
  openTasks:
    "{count, plural, one {# fulfilment task is} other {# fulfilment tasks are}} still open ({pending} pending, {running} running, {failed} failed). Retry or cancel failed tasks before completing.",
  lastRejection: "The last approval request was sent back",
  rejectedBy: "Sent back by",
  rejectedAt: "Sent back at",
  rejectionNote: "Reason",
  awaitingTitle: "Proposal awaiting approval",
  kind: "Approval kind",
  askedBy: "Asked by",
  askedAt: "Asked at",
  waitingForOther: "You asked for this approval. Waiting for another person to decide it.",
  approverOnly: "Another person with the approval permission approves or sends it back.",
  decideNote: "Comment (required to send back; shown to the person who asked)",
  approve: "Approve",
  reject: "Send back",
  refusalGrounds: "Grounds",
  kinds: {
    ERASURE_COMPLETION: "Erasure completion",
    REFUSAL: "Refusal or partial refusal",
    EXTENSION: "Deadline extension",
  },
  groundLabels: {
    HARM_TO_PERSON:
      "It could harm the life, body, property or other rights and interests of the person or a third party",
    BUSINESS_DISRUPTION: "It could seriously disrupt the proper conduct of our business",
    VIOLATES_OTHER_LAW: "It would violate another law, or another law provides otherwise",
    CONTENT_NOT_UNTRUE: "The content of the data is not found to be untrue",
    NOT_WITHIN_GROUNDS:
      "The request does not meet the statutory grounds for suspension, erasure or stopping provision",
    IDENTITY_NOT_VERIFIED: "Your identity (or the agent's authority) could not be verified",
    MANIFESTLY_UNFOUNDED: "The request is manifestly unfounded or excessive",
    PURPOSE_ALREADY_CLEAR:
      "The purpose of use is already clear from what we have published (APPI Art.32(2))",
    HARM_TO_BUSINESS_INTERESTS:
      "Notifying the purpose could harm our rights or legitimate interests (APPI Art.21(4)(ii))",
    STATE_AFFAIRS:
      "We must cooperate with a state or local government body, and notifying could impede its work (APPI Art.21(4)(iii))",
    CCPA_DELETION_EXCEPTION:
      "An exception to deletion under the California Consumer Privacy Act applies (§1798.105(d))",
  },
  outcomeHints: {
    NO_DATA_HELD:
      "When the person has no retained personal data (for a provision-records request, no record). They are told so. It cannot be chosen while data is on file.",
    DISCLOSED_OTHER_METHOD:
      "When disclosing by the method asked for is difficult and you disclose by another. Explain why in the answer (the person is told).",
  },
  feeAlternative:
    "Instead of refusing a manifestly unfounded or excessive request, you may charge a reasonable fee based on the administrative costs and act on it (GDPR and UK GDPR Art.12(5), CCPA §1798.145(h)(3)).",
  errors: {
    tasksOpen:
      "Fulfilment tasks are still open, so this cannot be finalised. Wait for them to finish, or retry or cancel the failed ones.",
    approvalNotNeeded: "This outcome needs no approval. Complete the request directly.",
    dataHeld:
      'Retained items (or provision records) of this person are on file: the request cannot close as "no such data held".',
  },
  approvals: {
    title: "Approvals",
    intro:
      "Refusals, partial refusals and completed erasures are approved by someone other than the person who asked. You cannot approve your own.",
    empty: "No approvals are waiting.",
    request: "Request",
    type: "Type",
    kind: "Approval kind",
    askedBy: "Asked by",
    askedAt: "Asked at",
    dueAt: "Due",
    you: "you",
  },
  templatePicker: {
    label: "Template",
    none: "Choose a template",
    use: "Insert into message",
    help: "Inserts the text in the request's language ({language}). Edit it before sending.",
  },
  languages: { ja: "Japanese", en: "English" },
  templateNames: {
    acknowledgement: "Acknowledgement",
    identityResubmission: "Identity documents: please resubmit",
    moreInformation: "More information needed",
    completionDisclosure: "Completed: disclosure",
    completionProvisionRecords: "Completed: provision records",
    completionPurposeNotification: "Completed: purpose notification",
    completionCorrection: "Completed: correction",
    completionSuspensionErasure: "Completed: suspension or erasure",
    completionStopProvision: "Completed: stop third-party provision",
    refusal: "Refusal or partial refusal",
    extensionNotice: "Deadline extension notice",
  },
  templates: {
    acknowledgement: {
      subject: "[{reference}] We have received your request",
      body: "Dear {name},\n\nWe have received your request (reference {reference}). We will answer by {dueDate}, once we have verified your identity. You can follow its progress on your page.",
    },
    identityResubmission: {
      subject: "[{reference}] Please send your identity documents again",
      body: "Dear {name},\n\nWe could not verify your identity from the documents you sent.\nReason: (write here)\n\nPlease upload new documents on your request's page. Do not send the side of a card that shows your My Number (individual number).",
    },
    moreInformation: {
      subject: "[{reference}] We need more information",
      body: "Dear {name},\n\nTo handle your request, please tell us:\n- (write here)\n\nPlease answer by replying to this message.",
    },
    completionDisclosure: {
      subject: "[{reference}] Our answer to your disclosure request",
      body: "Dear {name},\n\nThe answer to your disclosure request is ready. You can download it from your request's page for 7 days; you will be asked to sign in again before downloading.",
    },
    completionProvisionRecords: {
      subject: "[{reference}] Our answer to your request for provision records",
      body: "Dear {name},\n\nThe records of third-party provision you asked for are ready. You can download them from your request's page for 7 days.",
    },
    completionPurposeNotification: {
      subject: "[{reference}] The purposes of use of your data",
      body: "Dear {name},\n\nWe have answered your request to be notified of the purposes for which we use your personal data. You can read the answer on your request's page.",
    },
    completionCorrection: {
      subject: "[{reference}] Our answer to your correction request",
      body: "Dear {name},\n\nWe looked into your request and did the following:\n- (item, before, after)\n\nWe will also tell the recipients who received this data about the correction.",
    },
    completionSuspensionErasure: {
      subject: "[{reference}] Our answer to your suspension or erasure request",
      body: "Dear {name},\n\nFollowing your request, we did the following:\n- (what and which measure)\n\nData that the law requires us to keep is listed with the reason and will be erased when the retention period ends.",
    },
    completionStopProvision: {
      subject: "[{reference}] Our answer to your request to stop third-party provision",
      body: "Dear {name},\n\nFollowing your request, we have stopped providing your data to:\n- (recipients)",
    },
    refusal: {
      subject: "[{reference}] About your request",
      body: "Dear {name},\n\nWe are sorry, but we cannot comply with all or part of your request.\nReasons: (write here)\n\nIf you have questions, please reply to this message.",
    },
    extensionNotice: {
      subject: "[{reference}] We need more time to answer",
      body: "Dear {name},\n\nWe need to extend the deadline for answering your request to {dueDate}.\nReason: (write here)\n\nWe apologise for the delay.",
    },
  },
};

export const decisions = { ja, en };
