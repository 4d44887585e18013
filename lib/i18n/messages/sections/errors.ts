// Strings of errors: action results, the forbidden, not-found and error pages. Japanese is the
// source; English must have the same keys. A section of its own because app/global-error.tsx (no
// layout, so no catalogue from the provider) imports it directly: the browser then loads these
// strings, not the whole catalogue.
const ja = {
  tooManyRequests: "短時間に操作が集中しています。しばらく待ってからお試しください。",
  stepUpRequired:
    "この操作には、10分以内のパスキーによる確認が必要です。パスキーで確認してから、もう一度お試しください。",
  stepUpConfirm: "パスキーで確認する",
  stepUpDone: "確認しました。もう一度操作してください。",
  stepUpFailed: "パスキーで確認できませんでした。もう一度お試しください。",
  unauthenticated: "ログインしてください。",
  forbidden: "この操作を行う権限がありません。",
  notFound: "見つかりませんでした。",
  invalidInput: "入力内容を確認してください。",
  conflict: "他の操作で内容が変わりました。画面を更新してください。",
  illegalTransition: "現在の状況ではこの操作はできません。",
  approvalRequired: "この結果には別の担当者の承認が必要です。承認を依頼してください。",
  selfApproval: "自分で依頼した承認は承認できません。別の担当者が承認します。",
  unexpected: "予期しないエラーが発生しました。時間をおいてお試しください。",
  errorId: "エラーID: {id}",
  forbiddenTitle: "アクセスできません",
  notFoundTitle: "ページが見つかりません",
  notFoundBody:
    "お探しのページは見つかりませんでした。アドレスが間違っているか、ページが移動または削除された可能性があります。",
  backHome: "ホームへ戻る",
  goBack: "前のページへ戻る",
  toMyPage: "マイページへ",
  errorTitle: "ページを表示できませんでした",
  errorBody:
    "システムでエラーが発生しました。入力した内容や請求は、送信が完了していない場合は保存されていません。もう一度お試しください。問題が続く場合は、下のエラーIDを添えてお問い合わせください。",
  errorBodyNoId:
    "システムでエラーが発生しました。入力した内容や請求は、送信が完了していない場合は保存されていません。もう一度お試しください。",
  retry: "もう一度試す",
  wayOut: "移動先",
};

const en: typeof ja = {
  tooManyRequests: "Too many attempts in a short time. Please wait a while and try again.",
  stepUpRequired:
    "This needs a passkey confirmation within the last 10 minutes. Confirm with your passkey, then try again.",
  stepUpConfirm: "Confirm with passkey",
  stepUpDone: "Confirmed. Please try again.",
  stepUpFailed: "The passkey could not be confirmed. Please try again.",
  unauthenticated: "Please sign in.",
  forbidden: "You are not allowed to do this.",
  notFound: "Not found.",
  invalidInput: "Please check what you entered.",
  conflict: "Someone else changed this meanwhile. Reload the page.",
  illegalTransition: "This cannot be done in the request's current state.",
  approvalRequired: "This outcome needs another person's approval. Ask for approval.",
  selfApproval: "You cannot approve an approval you asked for; another person decides it.",
  unexpected: "Something went wrong. Please try again later.",
  errorId: "Error ID: {id}",
  forbiddenTitle: "Access denied",
  notFoundTitle: "Page not found",
  notFoundBody:
    "We could not find this page. The address may be mistyped, or the page may have moved or been removed.",
  backHome: "Back to home",
  goBack: "Back to the previous page",
  toMyPage: "Go to My page",
  errorTitle: "This page could not be shown",
  errorBody:
    "Something went wrong on our side. Anything you had not finished sending has not been saved. Please try again. If the problem continues, contact us and quote the error ID below.",
  errorBodyNoId:
    "Something went wrong on our side. Anything you had not finished sending has not been saved. Please try again.",
  retry: "Try again",
  wayOut: "Where to go",
};

export const errors = { ja, en };
