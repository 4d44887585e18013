import Link from "next/link";

export default function NotFound() {
  // Rendered inside the locale layout; the locale is not known here, so both languages show.
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title">ページが見つかりません / Page not found</h1>
      <p>
        <Link href="/ja">ホームへ戻る</Link> ·{" "}
        <Link href="/en" lang="en">
          Back to home
        </Link>
      </p>
    </section>
  );
}
