"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A navigation link that marks itself as the current page (`aria-current="page"`, which the
 * stylesheet highlights): on its own path only, or on every path under it (`prefix`), or under
 * any of `also`. It does not prefetch: every page here is dynamic, so a prefetch fetches little
 * that a click would not, and processing the answers for a sidebar's dozen links was main-thread
 * work right after load (Lighthouse's total blocking time, docs/benchmarks.md).
 */
export function NavLink(props: {
  href: string;
  match?: "exact" | "prefix";
  /** Other paths under which the link is current too (prefix match). */
  also?: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const { href, match = "exact" } = props;
  const current =
    (match === "exact" ? pathname === href : pathname.startsWith(href)) ||
    (props.also ?? []).some((path) => pathname.startsWith(path));
  return (
    <Link
      href={href}
      prefetch={false}
      className={props.className}
      aria-current={current ? "page" : undefined}
    >
      {props.children}
    </Link>
  );
}
