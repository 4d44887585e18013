// Strings of the applicable laws on a request: why each applies, each one's clock, and staff's
// change of the set. Japanese is the source; English must have the same keys.
const ja = {
  title: "適用される法律と期限",
  intro: "複数の法律が適用されるときは、それぞれの期限を計算し、最も早い期限に従います。",
  residence: "居住地",
  residenceUnknown: "不明（受付時に未確認）",
  caption: "法域ごとの期限",
  column: {
    jurisdiction: "法域",
    reason: "適用の理由",
    due: "期限",
    state: "状態",
  },
  reason: {
    ESTABLISHMENT: "当社の所在地",
    RESIDENCE: "本人の居住地",
    STAFF: "担当者が追加",
    unknown: "—",
  },
  governing: "この期限に従う",
  paused: "停止中",
  extended: "延長済み",
  ackDue: "受付通知の期限：{date}",
  localTime: "各法域の現地時間で数えます。",
  orgTime: "当社の時間（日本）：{date}",
  restarted: "求めた本人確認書類の受領日（{date}）から数え直し",
  restartedByFee: "手数料の受領日（{date}）から数え直し",
  change: {
    title: "適用される法域を変更する",
    help: "居住地の誤りなどで変更するときは、理由を記録してください。期限は自動で計算し直します。",
    legend: "法域",
    note: "変更の理由",
    submit: "変更する",
    done: "法域を変更しました。期限を計算し直しました。",
  },
  errors: {
    chooseOne: "法域を1つ以上選んでください",
    noteRequired: "変更の理由を入力してください",
  },
};

const en: typeof ja = {
  title: "Applicable law and deadlines",
  intro: "When several laws apply, each one's deadline is counted and the earliest governs.",
  residence: "Residence",
  residenceUnknown: "Unknown (not asked when the request arrived)",
  caption: "Deadline per jurisdiction",
  column: {
    jurisdiction: "Jurisdiction",
    reason: "Why it applies",
    due: "Due",
    state: "State",
  },
  reason: {
    ESTABLISHMENT: "Where we are established",
    RESIDENCE: "Where the person lives",
    STAFF: "Added by staff",
    unknown: "—",
  },
  governing: "Governs",
  paused: "Paused",
  extended: "Extended",
  ackDue: "Acknowledgement due: {date}",
  localTime: "Each jurisdiction counts in its own local time.",
  orgTime: "Our time (Japan): {date}",
  restarted: "Counted again from the arrival of the identity asked for ({date})",
  restartedByFee: "Counted again from the arrival of the fee ({date})",
  change: {
    title: "Change the applicable jurisdictions",
    help: "When the residence was wrong, or a law applies for another reason, record why. The deadlines are counted again.",
    legend: "Jurisdictions",
    note: "Reason for the change",
    submit: "Change",
    done: "Jurisdictions changed; the deadlines were counted again.",
  },
  errors: {
    chooseOne: "Choose at least one jurisdiction",
    noteRequired: "Give the reason for the change",
  },
};

export const jurisdictions = { ja, en };
