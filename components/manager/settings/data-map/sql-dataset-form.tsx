"use client";

import { useState } from "react";

import { TextAreaField, TextField } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useForm } from "@/components/forms/use-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { toast } from "@/components/ui/toast";
import { saveSqlDataset } from "@/lib/actions/manager/data-map/save-sql-dataset";
import type { DatasetIssue } from "@/lib/data/data-map/config/sql-dataset";
import type { TSqlDatasetForm } from "@/lib/validation/sql-dataset";

/**
 * A SQL system's dataset as YAML and its connection URL. The YAML is checked on the server (its
 * problems come back as a list under the field, each with its place); the URL is written, sealed
 * and never shown again: the field is emptied once saved.
 */
export function SqlDatasetForm(props: { systemId: string; yaml: string }) {
  const { t } = useI18n();
  const [issues, setIssues] = useState<DatasetIssue[]>([]);
  const form = useForm<TSqlDatasetForm>({
    resolver: lazyResolver(() =>
      import("@/lib/validation/sql-dataset").then((m) => m.ZSqlDatasetForm),
    ),
    defaultValues: { id: props.systemId, dataset: props.yaml, connectionUrl: "" },
  });
  const { errors } = form.formState;
  const { failure, onSubmit, pending } = useActionForm(form, saveSqlDataset, {
    fields: ["dataset", "connectionUrl"],
    onSuccess: (result) => {
      setIssues(result.data.issues);
      if (result.data.issues.length > 0) {
        form.setError("dataset", { message: "settingsSql.issuesTitle" });
        return;
      }
      form.setValue("connectionUrl", "");
      toast(t("settingsSql.saved"));
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <input type="hidden" {...form.register("id")} />
      <TextAreaField
        id="sql-dataset"
        label={t("settingsSql.dataset")}
        hint={t("settingsSql.datasetHelp")}
        className="code-field"
        rows={20}
        spellCheck={false}
        autoComplete="off"
        required
        error={errors.dataset?.message}
        describedBy={issues.length > 0 ? "sql-dataset-issues" : undefined}
        registration={form.register("dataset")}
      />
      {issues.length > 0 && (
        <ul id="sql-dataset-issues" className="error" data-testid="dataset-issues">
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.line !== undefined
                ? t("settingsSql.issueLine", { line: issue.line, message: t(issue.message) })
                : issue.path
                  ? t("settingsSql.issueAt", { path: issue.path, message: t(issue.message) })
                  : t(issue.message)}
            </li>
          ))}
        </ul>
      )}
      <TextField
        id="sql-connection-url"
        type="password"
        autoComplete="off"
        spellCheck={false}
        label={t("settingsSql.connectionUrl")}
        hint={t("settingsSql.connectionHelp")}
        error={errors.connectionUrl?.message}
        registration={form.register("connectionUrl")}
      />
      <FormAlert error={failure.error} errorId={failure.errorId} />
      <SubmitButton pending={pending}>{t("settingsSql.save")}</SubmitButton>
    </form>
  );
}
