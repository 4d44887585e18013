"use client";

import { useRouter } from "next/navigation";

import { useForm } from "@/components/forms/use-form";
import { TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { requestSignInLink } from "@/lib/actions/auth/request-sign-in-link";
import type { TSignIn } from "@/lib/validation/auth";

export function SignInForm() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const form = useForm<TSignIn>({
    resolver: lazyResolver(() => import("@/lib/validation/auth").then((m) => m.ZSignIn)),
    defaultValues: { email: "", locale },
  });
  const { errors } = form.formState;
  // A sent link is told on a page of its own.
  const { failure, onSubmit, pending } = useActionForm(form, requestSignInLink, {
    refresh: false,
    onSuccess: () => router.push(`/${locale}/sign-in/check-email`),
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <TextField
        id="email"
        label={t("signIn.email")}
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        registration={form.register("email")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending} pendingLabel={t("signIn.sending")}>
        {t("signIn.submit")}
      </SubmitButton>
    </form>
  );
}
