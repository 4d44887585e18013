import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/**
 * Nothing to show yet, said plainly: an icon, what is empty, and where relevant what to do next
 * (a link or button). A server component.
 */
export function EmptyState(props: {
  icon: LucideIcon;
  title: string;
  body?: string;
  action?: ReactNode;
  testId?: string;
}) {
  const { icon: Icon, title, body, action, testId } = props;
  return (
    <div className="empty-state" data-testid={testId}>
      <Icon aria-hidden="true" size={32} strokeWidth={1.5} />
      <p className="empty-title">{title}</p>
      {body && <p className="help">{body}</p>}
      {action}
    </div>
  );
}
