"use client";

import { useState } from "react";

import { SelectField } from "@/components/forms/field";
import { useI18n } from "@/components/i18n/i18n-provider";
import { MessageForm } from "@/components/requests/message-form";
import type { FilledTemplate } from "@/lib/requests/template-keys";

/**
 * Staff's message form with the templates that fit the request: picking one puts its text (in the
 * request's language, already filled in) into the message, which stays editable before sending.
 */
export function TemplateMessageForm(props: {
  reference: string;
  templates: FilledTemplate[];
  language: string;
}) {
  const { reference, templates, language } = props;
  const { t } = useI18n();
  const [picked, setPicked] = useState("");
  const [draft, setDraft] = useState({ body: "", version: 0 });

  const insert = () => {
    const template = templates.find((tpl) => tpl.key === picked);
    if (!template) return;
    setDraft((d) => ({ body: `${template.subject}\n\n${template.body}`, version: d.version + 1 }));
  };

  return (
    <>
      <div className="panel" data-testid="template-picker">
        <SelectField
          id="message-template"
          label={t("decisions.templatePicker.label")}
          hint={t("decisions.templatePicker.help", { language })}
          value={picked}
          onChange={(e) => setPicked(e.target.value)}
        >
          <option value="">{t("decisions.templatePicker.none")}</option>
          {templates.map((tpl) => (
            <option key={tpl.key} value={tpl.key}>
              {t(`decisions.templateNames.${tpl.key}`)}
            </option>
          ))}
        </SelectField>
        <button type="button" onClick={insert} disabled={!picked}>
          {t("decisions.templatePicker.use")}
        </button>
      </div>
      <MessageForm key={draft.version} reference={reference} staff initialBody={draft.body} />
    </>
  );
}
