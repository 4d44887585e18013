import { getEnv } from "@/lib/env";

/** Where the portal answers, for the callback URL it gives systems (AUTH_URL, else localhost). */
export function appBaseUrl(): string {
  const env = getEnv();
  return (env.AUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
