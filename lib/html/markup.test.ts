import { describe, expect, it } from "vitest";

import { escapeHtml, markup } from "./markup";

describe("markup", () => {
  it("escapes every interpolated value", () => {
    const evil = `<script>alert("x")</script>&'`;
    expect(markup`<td>${evil}</td>`.value).toBe(
      "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</td>",
    );
    expect(markup`<a href="#${`" onmouseover="x`}"></a>`.value).toBe(
      '<a href="#&quot; onmouseover=&quot;x"></a>',
    );
  });

  it("passes nested markup through once, and drops empty parts", () => {
    const inner = markup`<small>${"a<b"}</small>`;
    expect(
      markup`<td>${inner}${null}${undefined}${false}${[markup`<i>1</i>`, "<2>"]}</td>`.value,
    ).toBe("<td><small>a&lt;b</small><i>1</i>&lt;2&gt;</td>");
  });

  it("a plain string is never trusted as markup", () => {
    expect(markup`${"<b>"}`.value).toBe("&lt;b&gt;");
    expect(escapeHtml("東京 & 大阪")).toBe("東京 &amp; 大阪");
  });
});
