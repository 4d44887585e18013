"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * A navigation link that marks itself as the current page (`aria-current="page"`, which the
 * stylesheet highlights): on its own path only, or on every path under it (`prefix`), or under
 * any of `also`. It does not prefetch: every page here is dynamic, so a prefetch fetches little
 * that a click would not, and processing the answers for a sidebar's dozen links was main-thread
 * work right after load (Lighthouse's total blocking time, docs/benchmarks.md). In a strip that
 * scrolls sideways (the workspace sidebar on a tablet or a phone) the current link is brought
 * into the strip's view, so "Settings" is not left off its right edge.
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
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!current) return;
    const link = ref.current;
    const strip = link?.closest("nav");
    if (!link || !strip || strip.scrollWidth <= strip.clientWidth) return;
    const box = strip.getBoundingClientRect();
    const own = link.getBoundingClientRect();
    if (own.left >= box.left && own.right <= box.right) return;
    strip.scrollLeft += own.left - box.left - (box.width - own.width) / 2;
  }, [current]);
  return (
    <Link
      ref={ref}
      href={href}
      prefetch={false}
      className={props.className}
      aria-current={current ? "page" : undefined}
    >
      {props.children}
    </Link>
  );
}
