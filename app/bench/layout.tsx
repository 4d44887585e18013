import type { ReactNode } from "react";

// The benchmark floor's bare root layout: no header, no catalogue, no client components.
export default function BenchLayout(props: { children: ReactNode }) {
  return (
    <html lang="ja">
      <body>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
