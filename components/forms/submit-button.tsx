"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";

/**
 * A form's submit button: the page's main action by default, `secondary` beside another, `danger`
 * for a destructive one. While the form is sent it is disabled (a second press would send it
 * again) and says so with `pendingLabel` when the form has one.
 */
export function SubmitButton(
  props: {
    pending: boolean;
    children: ReactNode;
    pendingLabel?: ReactNode;
    variant?: "primary" | "secondary" | "danger";
    /** Not to be pressed for another reason than sending (tasks still open). */
    disabled?: boolean;
  } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "disabled">,
) {
  const {
    pending,
    children,
    pendingLabel,
    variant = "primary",
    className,
    disabled,
    ...button
  } = props;
  const classes = [variant === "primary" ? undefined : variant, className].filter(Boolean);
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      className={classes.length > 0 ? classes.join(" ") : undefined}
      {...button}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
