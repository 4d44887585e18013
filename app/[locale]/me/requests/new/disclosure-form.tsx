"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { FieldError } from "@/components/forms/field-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useI18n } from "@/components/i18n/i18n-provider";
import { fileDisclosureRequest } from "@/lib/actions/requests/file-disclosure-request";
import type { MessageKey } from "@/lib/i18n/translate";
import {
  DISCLOSURE_METHODS,
  ZDisclosureRequest,
  type TDisclosureRequest,
} from "@/lib/validation/requests";

type Props = {
  categories: { key: string; name: string }[];
  requester: TDisclosureRequest["requester"];
};

const REQUESTER_FIELDS = ["familyName", "givenName", "familyNameKana", "givenNameKana"] as const;

export function DisclosureForm({ categories, requester }: Props) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [failure, setFailure] = useState<{ error: MessageKey; errorId?: string }>();
  // One key per form instance: a double submit or a retry files the same request once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useForm<TDisclosureRequest>({
    resolver: zodResolver(ZDisclosureRequest),
    defaultValues: {
      idempotencyKey,
      scope: "ALL",
      categoryKeys: [],
      method: "JSON",
      postalAddress: "",
      note: "",
      requester,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const scope = form.watch("scope");
  const method = form.watch("method");
  const described = (name: string, has: boolean) =>
    has ? { "aria-describedby": `${name}-error`, "aria-invalid": true } : {};

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    const result = await fileDisclosureRequest({ ...values, locale });
    if (result.ok) return router.push(`/${locale}/me/requests/${result.data.reference}?filed=1`);
    for (const [name, message] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(name as keyof TDisclosureRequest, { message });
    }
    setFailure({ error: result.error, errorId: result.errorId });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <input type="hidden" {...form.register("idempotencyKey")} />
      <fieldset className="panel">
        <legend>{t("requestForm.requesterTitle")}</legend>
        <div className="row">
          {REQUESTER_FIELDS.map((name) => {
            const error = errors.requester?.[name]?.message;
            return (
              <div className="field" key={name}>
                <label htmlFor={name}>{t(`requestForm.${name}`)}</label>
                <input
                  id={name}
                  type="text"
                  {...described(name, !!error)}
                  {...form.register(`requester.${name}`)}
                />
                <FieldError id={`${name}-error`} message={error} />
              </div>
            );
          })}
        </div>
        <div className="field">
          <label htmlFor="birthDate">{t("requestForm.birthDate")}</label>
          <input
            id="birthDate"
            type="date"
            {...described("birthDate", !!errors.requester?.birthDate)}
            {...form.register("requester.birthDate")}
          />
          <FieldError id="birthDate-error" message={errors.requester?.birthDate?.message} />
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t("requestForm.scope")}</legend>
        <label className="choice">
          <input type="radio" value="ALL" {...form.register("scope")} /> {t("requestForm.scopeAll")}
        </label>
        <label className="choice">
          <input type="radio" value="SELECTED" {...form.register("scope")} />{" "}
          {t("requestForm.scopeSelected")}
        </label>
      </fieldset>

      {scope === "SELECTED" && (
        <fieldset className="field" {...described("categoryKeys", !!errors.categoryKeys)}>
          <legend>{t("requestForm.categories")}</legend>
          {categories.map((c) => (
            <label className="choice" key={c.key}>
              <input type="checkbox" value={c.key} {...form.register("categoryKeys")} /> {c.name}
            </label>
          ))}
          <FieldError id="categoryKeys-error" message={errors.categoryKeys?.message} />
        </fieldset>
      )}

      <div className="field">
        <label htmlFor="method">{t("requestForm.method")}</label>
        <select id="method" {...form.register("method")}>
          {DISCLOSURE_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </select>
      </div>

      {method === "PAPER" && (
        <div className="field">
          <label htmlFor="postalAddress">{t("requestForm.postalAddress")}</label>
          <input
            id="postalAddress"
            type="text"
            autoComplete="street-address"
            {...described("postalAddress", !!errors.postalAddress)}
            {...form.register("postalAddress")}
          />
          <FieldError id="postalAddress-error" message={errors.postalAddress?.message} />
        </div>
      )}

      <div className="field">
        <label htmlFor="note">{t("requestForm.note")}</label>
        <p className="help" id="note-help">
          {t("requestForm.noteHelp")} <strong>{t("requestForm.myNumberWarning")}</strong>
        </p>
        <textarea
          id="note"
          rows={4}
          aria-describedby={errors.note ? "note-help note-error" : "note-help"}
          {...form.register("note")}
        />
        <FieldError id="note-error" message={errors.note?.message} />
      </div>

      <FormAlert error={failure?.error} errorId={failure?.errorId} />
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("requestForm.submitting") : t("requestForm.submit")}
      </button>
    </form>
  );
}
