"use client";

import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

import { initialChecked, initialValue } from "./initial";

import { FieldError } from "./field-error";

// The one field layer of every form (issue 15): a label, an optional hint under it, the control,
// and the error the shared zod schema gave (translated), tied together with ARIA. The hint's id is
// `${id}-hint` and the error's `${id}-error`; the control gets `aria-describedby` naming those
// shown, `aria-invalid` while there is an error, `required` with the visible required mark.
// Forms render their controls through these components and never write `.field` markup of their
// own (components/forms/fields.test.ts keeps it so).

/** What a field's control must carry to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  required?: boolean;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A catalogue key (from the schema or the server) or already translated text. */
  error?: string;
  required?: boolean;
  className?: string;
  /** Ids of other text describing the control (a note beside the field). */
  describedBy?: string;
}

function controlProps(props: FieldProps): ControlProps {
  const { id, hint, error, required, describedBy } = props;
  const ids = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined, describedBy];
  const described = ids.filter(Boolean).join(" ");
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
    // The native attribute (read as "required" by screen readers); react-hook-form forms are
    // noValidate, so it blocks only plain forms (a GET form's empty date).
    required: required || undefined,
  };
}

/** The field around any control: `children` renders it from the props it must carry. */
export function Field(props: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const { id, label, hint, error, required, className } = props;
  return (
    <div
      className={className ? `field ${className}` : "field"}
      data-required={required ? "true" : undefined}
    >
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="help">
          {hint}
        </p>
      )}
      {props.children(controlProps(props))}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

type Registered = { registration?: UseFormRegisterReturn };

/** A one-line input (text by default; email, tel, date, number, url, password by `type`). */
export function TextField(
  props: FieldProps & Registered & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "required">,
) {
  const { id, label, hint, error, required, className, describedBy, registration, ...input } =
    props;
  return (
    <Field {...{ id, label, hint, error, required, className, describedBy }}>
      {(control) => (
        <input
          type="text"
          defaultValue={input.value === undefined ? initialValue(registration) : undefined}
          {...input}
          {...control}
          {...registration}
        />
      )}
    </Field>
  );
}

export function TextAreaField(
  props: FieldProps &
    Registered &
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "required">,
) {
  const { id, label, hint, error, required, className, describedBy, registration, ...area } = props;
  return (
    <Field {...{ id, label, hint, error, required, className, describedBy }}>
      {(control) => (
        <textarea
          rows={3}
          defaultValue={area.value === undefined ? initialValue(registration) : undefined}
          {...area}
          {...control}
          {...registration}
        />
      )}
    </Field>
  );
}

/** A select; its options are the children. */
export function SelectField(
  props: FieldProps & Registered & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "required">,
) {
  const { id, label, hint, error, required, className, describedBy, registration, ...select } =
    props;
  return (
    <Field {...{ id, label, hint, error, required, className, describedBy }}>
      {(control) => (
        <select
          defaultValue={select.value === undefined ? initialValue(registration) : undefined}
          {...select}
          {...control}
          {...registration}
        />
      )}
    </Field>
  );
}

/**
 * A group of radio buttons or checkboxes (`Choice`), or any controls that answer one question:
 * a fieldset whose legend is the question, with the hint and error read with it.
 */
export function ChoiceGroup(props: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  const { id, legend, hint, error, required, className } = props;
  const described = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      id={id}
      className={className ? `field ${className}` : "field"}
      data-required={required ? "true" : undefined}
      aria-describedby={described || undefined}
      data-testid={props.testId}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="help">
          {hint}
        </p>
      )}
      {props.children}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/**
 * One radio button or checkbox with its label beside it; `error` for one of a checklist whose
 * every box must be ticked (each says so under itself; it needs an `id`).
 */
export function Choice(
  props: Registered &
    Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
      type: "radio" | "checkbox";
      label: ReactNode;
      /** Why the choice is as it is (greyed out, or what it implies), under its label. */
      note?: ReactNode;
      error?: string;
    },
) {
  const { label, note, error, registration, ...input } = props;
  const noteId = note && input.id ? `${input.id}-note` : undefined;
  const errorId = error && input.id ? `${input.id}-error` : undefined;
  const describedBy = [noteId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <label className="choice">
        {/* No space between: the label's gap spaces them, and its text starts with the words. */}
        <input
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          defaultChecked={
            input.checked === undefined
              ? initialChecked(registration, input.type, input.value)
              : undefined
          }
          {...input}
          {...registration}
        />
        {label}
      </label>
      {note && (
        <p id={noteId} className="help choice-hint">
          {note}
        </p>
      )}
      {errorId && <FieldError id={errorId} message={error} />}
    </>
  );
}

/** A single checkbox that is a field of its own (a consent, a confirmation), with its error. */
export function CheckboxField(
  props: Registered &
    Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & {
      id: string;
      label: ReactNode;
      hint?: ReactNode;
      error?: string;
    },
) {
  const { id, label, hint, error, registration, className, ...input } = props;
  const described = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label className="choice" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          defaultChecked={
            input.checked === undefined
              ? initialChecked(registration, "checkbox", input.value)
              : undefined
          }
          {...input}
          {...registration}
        />
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="help choice-hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
