import "server-only";

import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/translate";
import type { TNewRequest } from "@/lib/validation/requests";

// The schema checks shapes; this checks that every key a form sent names something real: a
// category, a recipient that may be stopped, a purpose that may be suspended, an item of the
// person's own. Anything else is refused with a field error, never silently dropped.

async function unknownKeys(found: Promise<{ key: string }[]>, wanted: string[]) {
  const known = new Set((await found).map((r) => r.key));
  return wanted.some((k) => !known.has(k));
}

export async function checkRequestKeys(
  tx: Tx,
  input: TNewRequest,
  subjectId: string | null,
): Promise<void> {
  const errors: Record<string, MessageKey> = {};
  const categories = (keys: string[]) =>
    tx.dataCategory.findMany({ where: { key: { in: keys } }, select: { key: true } });
  const recipients = (keys: string[]) =>
    tx.recipient.findMany({
      where: { key: { in: keys }, recipientClass: { not: "LAW_ENFORCEMENT" } },
      select: { key: true },
    });
  switch (input.type) {
    case "DISCLOSURE":
      if (await unknownKeys(categories(input.details.categoryKeys), input.details.categoryKeys))
        errors["details.categoryKeys"] = "validation.invalid";
      break;
    case "PROVISION_RECORDS":
    case "STOP_PROVISION": {
      const keys = input.details.recipientKeys;
      if (await unknownKeys(recipients(keys), keys))
        errors["details.recipientKeys"] = "validation.invalid";
      break;
    }
    case "SUSPENSION_ERASURE": {
      const e = input.details;
      const purposes = tx.purpose.findMany({
        where: { key: { in: e.purposeKeys }, suspendable: true },
        select: { key: true },
      });
      if (e.action === "SUSPEND" && (await unknownKeys(purposes, e.purposeKeys)))
        errors["details.purposeKeys"] = "validation.notSuspendable";
      if (await unknownKeys(categories(e.categoryKeys), e.categoryKeys))
        errors["details.categoryKeys"] = "validation.invalid";
      break;
    }
    case "CORRECTION": {
      const keys = input.details.items.map((i) => i.categoryKey);
      if (await unknownKeys(categories(keys), keys)) errors["details.items"] = "validation.invalid";
      const itemIds = input.details.items.map((i) => i.itemId).filter(Boolean);
      if (itemIds.length > 0) {
        const own = subjectId
          ? await tx.personalDataItem.count({
              where: { id: { in: itemIds }, subjectId, erasedAt: null },
            })
          : 0;
        if (own !== new Set(itemIds).size) errors["details.items"] = "validation.invalid";
      }
      break;
    }
    default:
      break;
  }
  if (Object.keys(errors).length > 0)
    throw new AppError("INVALID_INPUT", "errors.invalidInput", errors);
}
