import Link from "next/link";

/**
 * Views of one page as tabs that are links (each view has its own URL, works without JavaScript
 * and can be shared): the current one marked aria-current="page". Not ARIA tabs, which switch
 * panels in place; these navigate.
 */
export function TabLinks(props: {
  label: string;
  tabs: readonly { href: string; label: string; current: boolean }[];
}) {
  return (
    <nav className="tab-links" aria-label={props.label}>
      <ul>
        {props.tabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={tab.current ? "page" : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
