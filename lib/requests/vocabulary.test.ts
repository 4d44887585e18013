import { describe, expect, it } from "vitest";

import { RecipientClass, RequestType } from "@/lib/generated/prisma/enums";

import { RECIPIENT_CLASSES, REQUEST_TYPES, STOPPABLE_RECIPIENT_CLASSES } from "./vocabulary";

describe("the legal core's vocabulary", () => {
  it("names exactly the request types and recipient classes the database holds", () => {
    expect([...REQUEST_TYPES].sort()).toEqual(Object.values(RequestType).sort());
    expect([...RECIPIENT_CLASSES].sort()).toEqual(Object.values(RecipientClass).sort());
  });

  it("lets a person stop provision to every class but law enforcement", () => {
    expect(STOPPABLE_RECIPIENT_CLASSES).not.toContain("LAW_ENFORCEMENT");
    expect(STOPPABLE_RECIPIENT_CLASSES).toHaveLength(RECIPIENT_CLASSES.length - 1);
  });
});
