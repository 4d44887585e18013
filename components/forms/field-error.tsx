"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { isMessageKeyLike } from "@/lib/i18n/keys";

/** A field's error text, translated from the catalogue key the shared zod schema produced. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p id={id} className="error" role="alert">
      {isMessageKeyLike(message) ? t(message) : t("validation.invalid")}
    </p>
  );
}
