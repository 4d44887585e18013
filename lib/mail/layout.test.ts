import { describe, expect, it } from "vitest";

import type { Brand } from "@/lib/brand/read-brand";

import { renderMail } from "./templates";

// Every mail has a text and an HTML part from one content: addressed to the person when known,
// with a button to the one place to go, and signed by the organisation's desk (white-label).

const brand: Brand = {
  portalName: { ja: "試験プライバシーセンター", en: null },
  organisationName: { ja: "試験株式会社", en: "Test Ltd." },
  department: { ja: "個人情報保護窓口", en: "Personal Information Desk" },
  address: { ja: "東京都千代田区", en: "Chiyoda, Tokyo" },
  contactEmail: "privacy@test.example.jp",
  contactPhone: "03-0000-0000",
  colour: "#7a1f5c",
  logoVersion: null,
};

const received = (locale: "ja" | "en", addressee: string | null) =>
  renderMail(
    {
      kind: "requestReceived",
      locale,
      to: "a@example.jp",
      params: { reference: "R-2026-000001", dueDate: "2026-03-01T00:00:00.000Z" },
    },
    { brand, addressee, baseUrl: "https://privacy.example.jp" },
  );

describe("mail layout", () => {
  it("addresses the person, links their request and signs with the desk, in text and HTML", () => {
    const mail = received("ja", "試験 太郎");
    const url = "https://privacy.example.jp/ja/me/requests/R-2026-000001";
    expect(mail.text.startsWith("試験 太郎 様\n\n")).toBe(true);
    expect(mail.text).toContain(`▼ マイページで確認する\n${url}`);
    expect(mail.text).toContain("試験プライバシーセンター\n試験株式会社 個人情報保護窓口");
    expect(mail.text).toContain("お問い合わせ: privacy@test.example.jp / 03-0000-0000");
    expect(mail.text).toContain("このメールは試験プライバシーセンターから送信しています。");
    const html = mail.html!;
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("試験 太郎 様");
    expect(html).toContain(`<a href="${url}" style="display:inline-block;background:#7a1f5c`);
    expect(html).toContain("試験株式会社 個人情報保護窓口");
    // The body's words are the same in both parts.
    expect(html).toContain("受付番号: R-2026-000001");
    expect(mail.text).toContain("受付番号: R-2026-000001");
  });

  it("writes English with the catalogue's portal name where the brand sets none", () => {
    const mail = received("en", "Taro Shiken");
    expect(mail.text.startsWith("Dear Taro Shiken,\n\n")).toBe(true);
    expect(mail.text).toContain("Sakura Link Privacy Center\nTest Ltd. Personal Information Desk");
    expect(mail.text).toContain("View on My page\nhttps://privacy.example.jp/en/me/requests/");
  });

  it("opens without a name when none is known, and escapes what it writes into HTML", () => {
    expect(received("ja", null).text.startsWith("ご請求を受け付けました。")).toBe(true);
    const html = received("ja", '<img src=x onerror="alert(1)">').html!;
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; 様");
  });

  it("gives the sign-in link as the button, not twice in the body", () => {
    const url = "https://privacy.example.jp/api/auth/callback/nodemailer?token=abc";
    const mail = renderMail(
      { kind: "signIn", locale: "ja", to: "a@example.jp", params: { url } },
      { brand: null },
    );
    expect(mail.text.split(url)).toHaveLength(2);
    expect(mail.text).toContain(`▼ ログインする\n${url}`);
    expect(mail.text).toContain("サクラリンク プライバシーセンター");
    expect(mail.html).toContain(`href="${url.replace("&", "&amp;")}"`);
  });
});
