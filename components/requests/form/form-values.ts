import { get, set, type FieldErrors, type Resolver } from "react-hook-form";

import { type TRequestType } from "@/lib/requests/vocabulary";
import { lazy } from "@/components/forms/lazy-resolver";
import type { TNewRequest } from "@/lib/validation/requests";

// The form holds every type's detail fields at once (one form, six types); on submit only the
// chosen type's fields are sent, shaped as the shared schema expects, and that schema alone
// produces the field errors.

export const emptyPerson = {
  familyName: "",
  givenName: "",
  familyNameKana: "",
  givenNameKana: "",
  birthDate: "",
};

export const defaultDetails = {
  scope: "ALL" as "ALL" | "SELECTED",
  categoryKeys: [] as string[],
  method: "JSON" as string,
  postalAddress: "",
  recipientKeys: [] as string[],
  from: "",
  to: "",
  items: [{ action: "CORRECT", categoryKey: "", itemId: "", field: "", correctedValue: "" }],
  reason: "",
  action: "SUSPEND" as string,
  purposeKeys: [] as string[],
  erasureScope: "ALL" as "ALL" | "SELECTED",
  ground: "NO_LONGER_NEEDED" as string,
  groundText: "",
  previewConfirmed: false,
  recipientClasses: [] as string[],
};

export type FormValues = {
  idempotencyKey: string;
  residence: { country: string; region: string };
  filerRole: string;
  subject: typeof emptyPerson & { relationship: string };
  requester: typeof emptyPerson;
  note: string;
  details: typeof defaultDetails;
};

const DETAIL_KEYS: Record<TRequestType, (keyof typeof defaultDetails)[]> = {
  DISCLOSURE: ["scope", "categoryKeys", "method", "postalAddress"],
  PROVISION_RECORDS: ["recipientKeys", "from", "to", "method", "postalAddress"],
  PURPOSE_NOTIFICATION: ["method", "postalAddress"],
  CORRECTION: ["items", "reason"],
  SUSPENSION_ERASURE: [
    "action",
    "purposeKeys",
    "erasureScope",
    "categoryKeys",
    "ground",
    "groundText",
    "previewConfirmed",
  ],
  STOP_PROVISION: ["recipientKeys", "recipientClasses", "ground", "groundText"],
};

/** Checkbox groups come back as `false` when nothing is ticked; the schema wants arrays. */
const asArray = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : [];

export function shape(type: TRequestType, values: FormValues): unknown {
  const details: Record<string, unknown> = {};
  for (const key of DETAIL_KEYS[type]) {
    const value = values.details[key];
    details[key] = key.endsWith("Keys") || key === "recipientClasses" ? asArray(value) : value;
  }
  return { ...values, type, details };
}

const requestSchemas = lazy(() => import("@/lib/validation/requests"));

export function requestResolver(type: TRequestType): Resolver<FormValues> {
  return async (values) => {
    const schemas = await requestSchemas();
    if (!schemas) return { values, errors: {} }; // the server checks with the same schema
    const result = schemas.ZNewRequest.safeParse(shape(type, values));
    if (result.success) return { values, errors: {} };
    const errors: FieldErrors<FormValues> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      if (!get(errors, path)) set(errors, path, { type: issue.code, message: issue.message });
    }
    return { values: {}, errors };
  };
}

export type ShapedRequest = TNewRequest;
