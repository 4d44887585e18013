// Strings of a SQL system's dataset (issue 18): the manager's dataset form and connection test,
// and the staff's dry run of a task. Japanese is the source; English must have the same keys.
const ja = {
  title: "データセット（データベース連携）",
  intro:
    "このシステムのデータベースで本人を探す方法と、各列の扱い（開示するか、消去の方法）をYAMLで記述します。保存前にデータベースの実際の表・列と照合できます。",
  dataset: "データセット（YAML）",
  datasetHelp:
    "engine（postgresql または mysql）、tables（表ごとに primaryKey、identity または join、columns）。列の erase は delete_row、set_null、mask、hash、keep（reason が必要）のいずれかです。",
  connectionUrl: "接続URL",
  connectionHelp:
    "例: postgresql://ユーザー:パスワード@ホスト:5432/データベース。暗号化して保存し、二度と表示しません。空欄のままなら保存済みの接続を使います。開示専用のデータセットなら読み取り専用のユーザーで足ります。",
  connectionSet: "接続URLは保存済みです（表示しません）。",
  connectionMissing: "接続URLはまだ保存されていません。",
  save: "保存する",
  saved: "データセットを保存しました。",
  issuesTitle: "データセットを保存できませんでした",
  issueAt: "{path}: {message}",
  issueLine: "{line}行目: {message}",
  test: "接続をテストする",
  testing: "テスト中…",
  testOk: "接続できました。データセットはデータベースの表・列と一致しています。",
  testFailed: "接続できませんでした: {reason}",
  testProblems: "接続できましたが、データセットがデータベースと合いません:",
  errors: {
    url: "postgresql:// または mysql:// で始まるURLを入力してください",
    yaml: "YAMLとして読めません",
    shape: "値の形が正しくありません",
    identifier: "表名・列名は英字または_で始まる英数字と_（63文字まで）です",
    duplicateTable: "同じ表が二度書かれています",
    duplicateColumn: "同じ列が二度書かれています",
    duplicateField: "同じ項目キー（field）が複数の列にあります",
    identityOrJoin: "表には identity か join のどちらか一方を書いてください",
    deleteAndKeep: "同じ表に delete_row と keep は両立しません",
    unknownParent: "join の親の表がデータセットにありません",
    orphanRows: "親の行を削除するなら、その行に結び付く表も delete_row にしてください",
    joinCycle: "join が循環しています",
    stopUseTable: "stopUse の表は identity のある表にしてください",
    engineUrl: "接続URLの種類が engine と合いません",
    notSql: "このシステムはデータベース連携ではありません",
    unknownCategory: "データマップにないカテゴリーです（先にカテゴリーを登録してください）",
  },
};

const en: typeof ja = {
  title: "Dataset (database connector)",
  intro:
    "Describe in YAML how a person is found in this system's database and how each column is treated (disclosed or not, how it is erased). You can check it against the database's real tables and columns.",
  dataset: "Dataset (YAML)",
  datasetHelp:
    "engine (postgresql or mysql), tables (each with primaryKey, identity or join, columns). A column's erase is one of delete_row, set_null, mask, hash, keep (with a reason).",
  connectionUrl: "Connection URL",
  connectionHelp:
    "For example postgresql://user:password@host:5432/database. Stored encrypted and never shown again; leave it empty to keep the stored one. A disclosure-only dataset needs only a read-only user.",
  connectionSet: "A connection URL is stored (not shown).",
  connectionMissing: "No connection URL is stored yet.",
  save: "Save",
  saved: "Dataset saved.",
  issuesTitle: "The dataset could not be saved",
  issueAt: "{path}: {message}",
  issueLine: "Line {line}: {message}",
  test: "Test the connection",
  testing: "Testing…",
  testOk: "Connected. The dataset matches the database's tables and columns.",
  testFailed: "Could not connect: {reason}",
  testProblems: "Connected, but the dataset does not match the database:",
  errors: {
    url: "Enter a URL starting with postgresql:// or mysql://",
    yaml: "Not readable as YAML",
    shape: "A value does not have the right form",
    identifier:
      "Table and column names are letters, digits and _ starting with a letter or _ (up to 63)",
    duplicateTable: "The same table is written twice",
    duplicateColumn: "The same column is written twice",
    duplicateField: "The same field key is on more than one column",
    identityOrJoin: "Give a table either identity or join, not both or neither",
    deleteAndKeep: "delete_row and keep cannot both be on one table",
    unknownParent: "The join's parent table is not in the dataset",
    orphanRows: "Rows deleted with their parent: make the tables joined to it delete_row too",
    joinCycle: "The joins go round in a circle",
    stopUseTable: "stopUse must name a table with identity",
    engineUrl: "The connection URL is not for the dataset's engine",
    notSql: "This system is not a database connector",
    unknownCategory: "This category is not in the data map (add it there first)",
  },
};

export const settingsSql = { ja, en };
