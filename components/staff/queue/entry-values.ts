import { get, set, type FieldErrors, type Resolver } from "react-hook-form";

import { type TRequestType } from "@/lib/requests/vocabulary";
import { shape, type FormValues } from "@/components/requests/form/form-values";
import type { FoundSubject } from "@/lib/data/requests/find-subjects";
import { lazy } from "@/components/forms/lazy-resolver";

// The staff entry form holds the web wizard's values (FormValues: filer, people, note, every
// type's details, so the wizard's field components work inside it) plus how and when the request
// arrived and whom it is about. On submit it is shaped like the wizard's and parsed by the one
// schema the server parses too (ZEnterRequest = ZNewRequest and the entry fields).

export type EntryValues = FormValues & {
  type: TRequestType;
  channel: string;
  receivedOn: string;
  subjectMode: "existing" | "new";
  subjectId: string;
  lookupEmail: string;
  email: string;
  postalCode: string;
  address: string;
  locale: string;
};

/** The values the action receives; `picked` is the existing subject chosen, if any. */
export function shapeEntry(values: EntryValues, picked: FoundSubject | undefined): unknown {
  const { subjectMode, lookupEmail: _lookup, ...rest } = values;
  const base = shape(values.type, rest) as Record<string, unknown> & {
    details: Record<string, unknown>;
    subject: FormValues["subject"];
    requester: FormValues["requester"];
  };
  const existing = subjectMode === "existing";
  const person = picked && {
    familyName: picked.familyName,
    givenName: picked.givenName,
    familyNameKana: picked.familyNameKana,
    givenNameKana: picked.givenNameKana,
    birthDate: picked.birthDate,
  };
  const self = values.filerRole === "SELF";
  return {
    ...base,
    subjectId: existing ? values.subjectId : "",
    // An existing subject's names come from their record; the person's own fields stay unused.
    requester: existing && self && person ? person : base.requester,
    subject:
      existing && !self && person
        ? { ...person, relationship: base.subject.relationship }
        : base.subject,
    email: existing ? "" : values.email,
    postalCode: existing ? "" : values.postalCode,
    address: existing ? "" : values.address,
    // The erasure preview is the requester's own check in the web wizard; staff record what was
    // asked on paper, by phone or at the counter.
    details:
      values.type === "SUSPENSION_ERASURE"
        ? { ...base.details, previewConfirmed: true }
        : base.details,
  };
}

const entrySchemas = lazy(() => import("@/lib/validation/queue"));

export function entryResolver(picked: () => FoundSubject | undefined): Resolver<EntryValues> {
  return async (values) => {
    const errors: FieldErrors<EntryValues> = {};
    // Without the schema (its chunk did not arrive) the server checks with the same one.
    const result = (await entrySchemas())?.ZEnterRequest.safeParse(shapeEntry(values, picked()));
    if (result && !result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.join(".");
        if (!get(errors, path)) set(errors, path, { type: issue.code, message: issue.message });
      }
    }
    if (values.subjectMode === "existing" && (!values.subjectId || !picked()))
      set(errors, "subjectId", { type: "custom", message: "queue.enter.errors.chooseSubject" });
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors };
  };
}
