// Strings of the staff workspace's review feature. Japanese is the source; English must have the
// same keys (lib/i18n/catalogue.test.ts).
const ja = {
  title: "本人確認の審査",
  intro:
    "提出された書類を開き、右の登録情報と照合してください。書類を開くたびに、誰がいつ開いたかを監査ログに記録します。判断の後、書類のファイルは自動的に削除されます（ハッシュ値、種類、判断のメモは残ります）。",
  historyTitle: "本人確認の記録",
  assignedElsewhere:
    "この請求は別の担当者に割り当てられています。書類を表示できるのは担当者だけです。",
  documents: {
    title: "提出された書類",
    empty: "書類はまだ提出されていません。",
    columns: {
      owner: "提出者",
      kind: "種類",
      side: "面",
      uploadedAt: "提出日時",
      size: "サイズ",
      hash: "ハッシュ値（SHA-256 先頭）",
      state: "状態",
      actions: "操作",
    },
    state: {
      stored: "保管中",
      scheduled: "削除待ち",
      purged: "削除済み",
      flagged: "マイナンバーが写っていたため削除済み",
    },
    purgedAt: "{date} に削除",
    view: "表示",
    viewLabel: "{kind}（{owner}、{uploadedAt}）を表示",
  },
  viewer: {
    title: "書類の表示",
    showing: "表示中: {kind}（{owner}）",
    empty: "一覧の「表示」を押すと、ここに書類が表示されます。",
    audited: "この表示は監査ログに記録されました。",
    imageAlt: "{kind}（{owner}）の画像",
    pdfTitle: "{kind}（{owner}）のPDF",
    pdfFallback: "このブラウザではPDFを埋め込んで表示できません。",
    close: "表示を閉じる",
  },
  flag: {
    button: "マイナンバーが写っている",
    title: "マイナンバーが写っている書類",
    which: "対象: {kind}（{owner}、{uploadedAt}）",
    confirm:
      "この書類にマイナンバー（個人番号）が写っていることを確認しました。書類はすぐに削除され、請求者には番号を隠した書類（またはマイナンバーカードの表面のみ）の再提出をお願いします。",
    submit: "直ちに削除して再提出を依頼",
    cancel: "やめる",
    done: "書類を削除し、再提出をお願いしました。",
  },
  match: {
    title: "照合する登録情報",
    subject: "本人",
    agent: "代理人",
    name: "氏名",
    kana: "フリガナ",
    birthDate: "生年月日",
    postalCode: "郵便番号",
    address: "住所",
    relationship: "本人との関係",
    filerRole: "請求者の立場",
    unknown: "登録なし",
  },
  checks: {
    legend: "確認したこと",
    subject:
      "本人の本人確認書類：有効期限内で読み取れ、氏名・フリガナ・生年月日・住所が登録情報と一致する",
    agent: "代理人の本人確認書類：有効期限内で読み取れ、代理人の氏名・生年月日が申告と一致する",
    authority:
      "代理権を証する書類：委任状、戸籍謄本・住民票、登記事項証明書などで、本人と代理人の関係と代理の範囲を確認できる",
    agentHelp: "代理人による請求では、3つすべての確認が必要です。",
    drp: {
      subject:
        "本人の確認：認定代理人が本人確認の手順（本人確認の方法の文書）に従って確認済みと表明し、氏名・メールアドレスなどが登録情報と一致する",
      agent:
        "代理人の確認：請求は登録済みの認定代理人の鍵で署名されている（データ権利プロトコルが検証済み）",
      authority:
        "代理権の確認：代理人の表明（委任状の参照など）から、本人が代理人に請求を委ねたことを確認できる",
      help: "データ権利プロトコル（DRP）で届いた請求には書類がありません。代理人の表明を見て、3つすべてを確認してください。",
    },
    summary: {
      subject: "本人",
      agent: "代理人",
      authority: "代理権",
    },
  },
  verify: {
    title: "本人確認済みとして記録",
    note: "確認メモ（内部用）",
    submit: "本人確認済みとして記録",
  },
  resubmission: {
    title: "再提出を依頼する",
    reasons: "問題点（請求者に表示されます）",
    message: "請求者へのメッセージ",
    messageHelp: "問題点とともに請求者のページに表示され、メールでお知らせします。",
    submit: "再提出を依頼する",
  },
  unverifiable: {
    title: "本人確認できないため終了する",
    help: "請求は「本人確認ができないため対応できません」という結果で終了します。理由と説明は請求者に表示されます。",
    reasonLabel: "理由",
    choose: "選んでください",
    explanation: "請求者への説明",
    submit: "確認不能として終了する",
    reason: {
      NO_DOCUMENTS: "お願いした期間内に本人確認書類の提出がありませんでした",
      IDENTITY_MISMATCH: "提出された書類と請求者の情報が一致しませんでした",
      AUTHORITY_NOT_PROVEN: "代理権を確認できませんでした",
      DOCUMENT_NOT_AUTHENTIC: "提出された書類が正当なものと確認できませんでした",
      OTHER: "その他の理由により本人確認ができませんでした",
    },
  },
  reason: {
    UNREADABLE: "書類の文字や写真が読み取れません（ピンぼけ、光の反射、見切れなど）",
    EXPIRED: "書類の有効期限が切れています",
    NAME_MISMATCH: "氏名がご請求の内容と一致しません",
    BIRTH_DATE_MISMATCH: "生年月日がご請求の内容と一致しません",
    ADDRESS_MISMATCH: "住所がご登録の内容と一致しません",
    BACK_SIDE_MISSING: "裏面（住所変更の記載など）が必要です",
    HEALTH_INSURANCE_NOT_MASKED:
      "健康保険証の保険者番号・記号・番号・QRコードが隠されていません（この書類は削除しました）",
    SECOND_DOCUMENT_MISSING: "顔写真のない書類の場合は、2種類の書類が必要です",
    AGENT_ID_MISSING: "代理人ご自身の本人確認書類が必要です",
    AUTHORITY_PROOF_MISSING:
      "代理権を証する書類（委任状、戸籍謄本・住民票、登記事項証明書など）が必要です",
    MY_NUMBER_VISIBLE:
      "マイナンバー（個人番号）が写っていました。書類は直ちに削除しました。番号を隠したもの、またはマイナンバーカードの表面のみを提出してください",
    OTHER: "その他（担当者からのメッセージをご覧ください）",
  },
  requester: {
    resubmission:
      "本人確認書類の再提出をお願いします。\n\n確認できなかった点:\n{reasons}\n\n担当者より:\n{message}\n\nこのページの「本人確認書類」から、新しい書類を提出してください。",
    myNumberMessage:
      "提出された書類にマイナンバー（個人番号）が写っていたため、当社は法令に従い保管せず直ちに削除しました。",
    unverifiableNote: "{reason}。{explanation}",
  },
  purgeNote: {
    VERIFIED: "本人確認済みの判断の後に削除",
    RESUBMIT: "再提出依頼の判断の後に削除",
    UNVERIFIABLE: "確認不能の判断の後に削除",
    MY_NUMBER: "マイナンバーが写っていたため直ちに削除",
  },
  decisions: {
    title: "これまでの判断",
    empty: "まだ判断はありません。",
    columns: {
      decidedAt: "日時",
      result: "判断",
      by: "担当",
      checks: "確認したこと",
      reasons: "理由",
      note: "メモ・メッセージ",
    },
    result: {
      VERIFIED: "本人確認済み",
      RESUBMIT: "再提出を依頼",
      UNVERIFIABLE: "確認不能",
    },
    none: "なし",
  },
  errors: {
    check: "確認したらチェックを入れてください",
    checksRequired: "必要な確認がすべて済んでいません",
    reasons: "問題点を1つ以上選んでください",
    reason: "理由を選んでください",
    confirmFlag: "確認のチェックを入れてください",
  },
};

const en: typeof ja = {
  title: "Identity review",
  intro:
    "Open each document and compare it with the known data beside it. Every opening is written to the audit log with who and when. After the decision the files are destroyed automatically (the hash, kind and decision note are kept).",
  historyTitle: "Identity review record",
  assignedElsewhere:
    "This request is assigned to another staff member; only the assignee can open its documents.",
  documents: {
    title: "Documents sent",
    empty: "No documents have been sent yet.",
    columns: {
      owner: "Whose",
      kind: "Kind",
      side: "Side",
      uploadedAt: "Sent",
      size: "Size",
      hash: "Hash (SHA-256, start)",
      state: "State",
      actions: "Actions",
    },
    state: {
      stored: "Stored",
      scheduled: "Awaiting destruction",
      purged: "Destroyed",
      flagged: "Destroyed: showed a My Number",
    },
    purgedAt: "destroyed {date}",
    view: "View",
    viewLabel: "View {kind} ({owner}, {uploadedAt})",
  },
  viewer: {
    title: "Document viewer",
    showing: "Showing: {kind} ({owner})",
    empty: "Choose “View” in the list to show a document here.",
    audited: "This view has been written to the audit log.",
    imageAlt: "Image of the {kind} ({owner})",
    pdfTitle: "PDF of the {kind} ({owner})",
    pdfFallback: "This browser cannot show the PDF inside the page.",
    close: "Close the viewer",
  },
  flag: {
    button: "Shows a My Number",
    title: "Document showing a My Number",
    which: "Document: {kind} ({owner}, {uploadedAt})",
    confirm:
      "I have seen a My Number (individual number) on this document. It will be destroyed at once, and the requester will be asked for a copy with the number masked (or the front of the My Number card only).",
    submit: "Destroy now and ask for a masked copy",
    cancel: "Cancel",
    done: "The document was destroyed and a masked copy has been asked for.",
  },
  match: {
    title: "Known data to match",
    subject: "Data subject",
    agent: "Agent",
    name: "Name",
    kana: "Name in kana",
    birthDate: "Date of birth",
    postalCode: "Postal code",
    address: "Address",
    relationship: "Relationship to the person",
    filerRole: "Filed as",
    unknown: "not on record",
  },
  checks: {
    legend: "What I checked",
    subject:
      "The data subject's ID: valid, readable, and name, kana, date of birth and address match the known data",
    agent:
      "The agent's own ID: valid, readable, and the agent's name and date of birth match what was declared",
    authority:
      "The proof of authority (letter of authority, family register or residence record, certificate of registered matters): shows the relationship and the scope of the authority",
    agentHelp: "A request filed by an agent needs all three checks.",
    drp: {
      subject:
        "The person: the authorised agent attests it verified them under its identity assurance process, and the name, e-mail and the rest match the known data",
      agent:
        "The agent: the request is signed with a registered authorised agent's key (verified by the Data Rights Protocol)",
      authority:
        "The authority: the agent's attestation (e.g. a power of attorney reference) shows the person asked it to act for them",
      help: "A request that came over the Data Rights Protocol (DRP) has no documents: check all three on the agent's attestation.",
    },
    summary: {
      subject: "subject",
      agent: "agent",
      authority: "authority",
    },
  },
  verify: {
    title: "Record identity as verified",
    note: "Verification note (internal)",
    submit: "Record identity as verified",
  },
  resubmission: {
    title: "Ask for new documents",
    reasons: "What is wrong (shown to the requester)",
    message: "Message to the requester",
    messageHelp: "Shown on the requester's page with the reasons; they are told by email.",
    submit: "Ask for new documents",
  },
  unverifiable: {
    title: "Close: identity cannot be verified",
    help: "The request closes with the outcome “identity could not be verified”. The reason and the explanation are shown to the requester.",
    reasonLabel: "Reason",
    choose: "Choose",
    explanation: "Explanation for the requester",
    submit: "Close as unverifiable",
    reason: {
      NO_DOCUMENTS: "No identity documents arrived within the time we asked for",
      IDENTITY_MISMATCH: "The documents sent do not match the requester's details",
      AUTHORITY_NOT_PROVEN: "The agent's authority could not be confirmed",
      DOCUMENT_NOT_AUTHENTIC: "The documents sent could not be confirmed as genuine",
      OTHER: "Identity could not be verified for another reason",
    },
  },
  reason: {
    UNREADABLE: "The text or photo cannot be read (blurred, glare, cut off)",
    EXPIRED: "The document has expired",
    NAME_MISMATCH: "The name does not match the request",
    BIRTH_DATE_MISMATCH: "The date of birth does not match the request",
    ADDRESS_MISMATCH: "The address does not match our records",
    BACK_SIDE_MISSING: "The back side (e.g. a change of address) is needed",
    HEALTH_INSURANCE_NOT_MASKED:
      "The health-insurance card's insurer number, symbol, number and QR code were not masked (we destroyed this document)",
    SECOND_DOCUMENT_MISSING: "Documents without a photo need two different documents",
    AGENT_ID_MISSING: "The agent's own identity document is needed",
    AUTHORITY_PROOF_MISSING:
      "A proof of authority (letter of authority, family register or residence record, certificate of registered matters) is needed",
    MY_NUMBER_VISIBLE:
      "A My Number (individual number) was visible. We destroyed the document at once. Please send a copy with the number masked, or the front of the My Number card only",
    OTHER: "Other (see the message from our staff)",
  },
  requester: {
    resubmission:
      "Please send your identity documents again.\n\nWhat we could not accept:\n{reasons}\n\nFrom our staff:\n{message}\n\nSend new documents under “Identity documents” on this page.",
    myNumberMessage:
      "A document you sent showed a My Number (individual number). As the law requires, we did not keep it and destroyed it at once.",
    unverifiableNote: "{reason}. {explanation}",
  },
  purgeNote: {
    VERIFIED: "Destroyed after the decision: verified",
    RESUBMIT: "Destroyed after the decision: new documents asked for",
    UNVERIFIABLE: "Destroyed after the decision: unverifiable",
    MY_NUMBER: "Destroyed at once: showed a My Number",
  },
  decisions: {
    title: "Decisions so far",
    empty: "No decision yet.",
    columns: {
      decidedAt: "When",
      result: "Decision",
      by: "By",
      checks: "Checked",
      reasons: "Reasons",
      note: "Note or message",
    },
    result: {
      VERIFIED: "Verified",
      RESUBMIT: "New documents asked for",
      UNVERIFIABLE: "Unverifiable",
    },
    none: "none",
  },
  errors: {
    check: "Tick this once you have checked it",
    checksRequired: "Not every required check is done",
    reasons: "Choose at least one thing that is wrong",
    reason: "Choose a reason",
    confirmFlag: "Tick the box to confirm",
  },
};

export const review = { ja, en };
