"use client";

import { useEffect } from "react";

/**
 * The shipped Noto Sans JP (issue 15), for readers whose system has no Japanese face. Its 124
 * unicode-range rules (about 100 kB of CSS, 33 kB gzipped) are fetched once the page has
 * hydrated, instead of blocking the first paint of every page. app/globals.css names the systems'
 * own Japanese faces (Hiragino, Noto Sans CJK JP) first, so almost every reader has drawn
 * Japanese before this stylesheet arrives and never downloads a slice; a reader with none sees
 * Japanese in the shipped face as soon as it has loaded (e2e/layout-fit.spec.ts checks both).
 * A plain dynamic import: the bundler loads the module's stylesheet with it (next/dynamic would
 * add 1.5 kB of loader to every page for a component that draws nothing).
 */
export function JapaneseFace() {
  useEffect(() => {
    void import("./noto-sans-jp");
  }, []);
  return null;
}
