"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { lazyResolver } from "@/components/forms/lazy-resolver";
import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { requestSignInLink } from "@/lib/actions/auth/request-sign-in-link";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TSignIn } from "@/lib/validation/auth";

export function SignInForm() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  const form = useForm<TSignIn>({
    resolver: lazyResolver(() => import("@/lib/validation/auth").then((m) => m.ZSignIn)),
    defaultValues: { email: "", locale },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await requestSignInLink(values);
    if (result.ok) return router.push(`/${locale}/sign-in/check-email`);
    for (const [name, message] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(name as keyof TSignIn, { message });
    }
    setFailure({ error: result.error, errorId: result.errorId });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="email">{t("signIn.email")}</label>
        <input
          id="email"
          type="email"
          autoComplete="email"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...form.register("email")}
        />
        <FieldError id="email-error" message={errors.email?.message} />
      </div>
      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("signIn.sending") : t("signIn.submit")}
      </button>
    </form>
  );
}
