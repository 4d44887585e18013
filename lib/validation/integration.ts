import { z } from "@/lib/validation/zod";

import { API_SCOPES } from "./choices";
export { API_SCOPES };

// The API-key and webhook settings, shared by the manager's forms and the server actions. Error
// messages are catalogue keys (lib/i18n/messages/sections/integration.ts).

export type TApiScope = (typeof API_SCOPES)[number];

const ZId = z.string().min(1).max(64);

export const ZCreateApiKey = z.object({
  systemId: ZId,
  label: z.string().trim().max(100, "integration.errors.labelTooLong"),
  scopes: z
    .array(z.enum(API_SCOPES))
    .min(1, "integration.errors.chooseScope")
    .max(API_SCOPES.length),
});
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

export const ZApiKeyRef = z.object({ keyId: ZId });
export type TApiKeyRef = z.infer<typeof ZApiKeyRef>;

export const ZSetWebhook = z.object({
  systemId: ZId,
  url: z
    .string()
    .trim()
    .max(2000, "integration.errors.urlTooLong")
    .refine((value) => {
      try {
        return ["https:", "http:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, "integration.errors.url"),
  active: z.boolean(),
});
export type TSetWebhook = z.infer<typeof ZSetWebhook>;
