// Strings of the identity feature. Japanese is the source; English must have the same keys.
const ja = {
  title: "本人確認書類",
  intro:
    "請求者ご本人（代理人による請求では代理人も）であることを確認するため、書類の画像またはPDFを提出してください。書類は暗号化して保管し、本人確認の判断後に削除します。",
  listTitle: "提出済みの書類",
  empty: "まだ書類は提出されていません。",
  columns: { kind: "書類の種類", owner: "提出者", uploadedAt: "提出日時", size: "サイズ" },
  kind: {
    DRIVERS_LICENSE: "運転免許証",
    PASSPORT: "パスポート",
    RESIDENCE_CARD: "在留カード",
    MY_NUMBER_CARD_FRONT: "マイナンバーカード（表面のみ）",
    HEALTH_INSURANCE_CARD: "健康保険証（記号・番号等を隠したもの）",
    NON_PHOTO: "顔写真のない書類（住民票の写しなど。2種類必要）",
    AUTHORITY_PROOF: "代理権を証する書類（委任状、戸籍謄本、登記事項証明書など）",
  },
  owner: { SUBJECT: "ご本人", AGENT: "代理人" },
  size: { kb: "{value} KB", mb: "{value} MB" },
  warning: {
    title: "提出前に必ずお読みください",
    myNumber:
      "マイナンバー（個人番号）は絶対に送らないでください。マイナンバーカードは表面のみを提出し、裏面（個人番号が記載された面）は送らないでください。住民票の写しは個人番号が記載されていないものをご用意ください。",
    healthInsurance:
      "健康保険証を提出する場合は、保険者番号、記号、番号、QRコードを付箋や紙で隠してから撮影してください。",
    nonPhoto: "顔写真のない書類で確認する場合は、2種類の書類を提出してください。",
    agent:
      "代理人による請求では、代理権を証する書類と代理人ご自身の本人確認書類も提出してください。",
  },
  upload: {
    title: "書類を提出する",
    kindLabel: "書類の種類",
    ownerLabel: "誰の書類ですか",
    fileLabel: "ファイル",
    fileHelp:
      "JPEG・PNG・WebPの画像またはPDF。1ファイル{fileMb}MBまで、この請求で合計{requestMb}MBまで。画像の位置情報などのメタデータは削除して保管します。",
    submit: "提出する",
    uploading: "送信中…",
    progressLabel: "送信の進み具合",
    done: "書類を受け付けました。",
  },
  errors: {
    empty: "ファイルが空です。別のファイルを選んでください。",
    tooLarge:
      "ファイルが大きすぎます。1ファイル10MBまでです。画質を下げるか、別のファイルを選んでください。",
    requestLimit: "この請求に提出できる書類の合計サイズ（30MB）を超えます。",
    tooMany: "この請求に提出できる書類の数（20件）に達しました。",
    unsupportedType:
      "このファイルの種類は受け付けられません。JPEG・PNG・WebPの画像またはPDFを提出してください（ファイル名ではなく中身で判定しています）。",
    heicUnsupported:
      "HEIC形式の画像は受け付けられません。JPEGまたはPNGで保存し直して提出してください（iPhoneでは「設定」→「カメラ」→「フォーマット」→「互換性優先」）。",
    imageUnreadable:
      "画像を読み取れませんでした。ファイルが壊れていないか確認し、撮り直してください。",
    pdfScript:
      "スクリプト（JavaScriptなど）や自動実行の動作を含むPDFは受け付けられません。書類を画像で撮影するか、印刷機能で保存し直したPDFを提出してください。",
    pdfEmbeddedFile:
      "ほかのファイルを埋め込んだPDF（添付ファイル付きのPDF）は受け付けられません。添付を外したPDFか、書類の画像を提出してください。",
    pdfEncrypted:
      "パスワードや暗号化で保護されたPDFは確認できません。保護を解除したPDFか画像を提出してください。",
    pdfUnreadable:
      "このPDFの中身を確認できませんでした。印刷機能で保存し直したPDFか、書類の画像を提出してください。",
    myNumber:
      "この書類にはマイナンバー（個人番号）が写っていたため、保存せずに直ちに破棄しました。当社はマイナンバーを取得できません。個人番号の部分を付せんや紙で隠して撮影し直し、もう一度提出してください。",
    noFile: "提出するファイルを選んでください。",
    kind: "書類の種類を選んでください。",
    owner: "誰の書類かを選んでください。",
    closed: "この請求では現在、書類を提出できません。",
    uploadFailed: "送信できませんでした。通信状況を確認して、もう一度お試しください。",
  },
};

const en: typeof ja = {
  title: "Identity documents",
  intro:
    "To confirm that you are the person making this request (and, for a request by an agent, who the agent is), send an image or PDF of your documents. They are stored encrypted and deleted once identity has been decided.",
  listTitle: "Documents sent",
  empty: "No documents have been sent yet.",
  columns: { kind: "Document", owner: "Whose", uploadedAt: "Sent", size: "Size" },
  kind: {
    DRIVERS_LICENSE: "Driver's licence",
    PASSPORT: "Passport",
    RESIDENCE_CARD: "Residence card",
    MY_NUMBER_CARD_FRONT: "My Number card (front only)",
    HEALTH_INSURANCE_CARD: "Health-insurance card (numbers masked)",
    NON_PHOTO: "Document without a photo (e.g. certificate of residence; two needed)",
    AUTHORITY_PROOF:
      "Proof of authority (power of attorney, family register, registration certificate)",
  },
  owner: { SUBJECT: "The person concerned", AGENT: "The agent" },
  size: { kb: "{value} KB", mb: "{value} MB" },
  warning: {
    title: "Please read before you send anything",
    myNumber:
      "Never send a My Number (individual number). Send only the front of a My Number card, never the back, which shows the number. Ask for a certificate of residence without the My Number on it.",
    healthInsurance:
      "If you send a health-insurance card, cover the insurer number, the symbol, the number and the QR code (with a sticky note or paper) before taking the photo.",
    nonPhoto: "If you use documents without a photo, send two different ones.",
    agent:
      "For a request by an agent, also send the proof of authority and the agent's own identity document.",
  },
  upload: {
    title: "Send a document",
    kindLabel: "Type of document",
    ownerLabel: "Whose document is it?",
    fileLabel: "File",
    fileHelp:
      "A JPEG, PNG or WebP image, or a PDF. Up to {fileMb} MB per file and {requestMb} MB in total for this request. Location and other metadata are removed from images before they are stored.",
    submit: "Send",
    uploading: "Sending…",
    progressLabel: "Upload progress",
    done: "Your document has been received.",
  },
  errors: {
    empty: "The file is empty. Please choose another file.",
    tooLarge:
      "The file is too large: the limit is 10 MB per file. Lower the quality or choose another file.",
    requestLimit: "This would exceed the 30 MB allowed for all documents of this request.",
    tooMany: "This request already has the maximum number of documents (20).",
    unsupportedType:
      "This type of file is not accepted. Send a JPEG, PNG or WebP image or a PDF (we check the file's content, not its name).",
    heicUnsupported:
      "HEIC images are not accepted. Save the photo as JPEG or PNG and send it again (on an iPhone: Settings → Camera → Formats → Most Compatible).",
    imageUnreadable:
      "The image could not be read. Check that the file is not damaged, or take the photo again.",
    pdfScript:
      "PDFs containing scripts (such as JavaScript) or automatic actions are not accepted. Send a photo of the document, or a PDF saved again with the print function.",
    pdfEmbeddedFile:
      "PDFs carrying other files (attachments) are not accepted. Send a PDF without attachments, or a photo of the document.",
    pdfEncrypted:
      "Password-protected or encrypted PDFs cannot be checked. Remove the protection, or send an image.",
    pdfUnreadable:
      "We could not check the content of this PDF. Send a PDF saved again with the print function, or an image.",
    myNumber:
      "This document showed a My Number (individual number), so we destroyed it at once without keeping it: we may not collect My Numbers. Cover the number (with a sticky note or paper), take the photo again and send it.",
    noFile: "Choose a file to send.",
    kind: "Choose the type of document.",
    owner: "Choose whose document it is.",
    closed: "Documents cannot be sent for this request at the moment.",
    uploadFailed: "The file could not be sent. Check your connection and try again.",
  },
};

export const identity = { ja, en };
