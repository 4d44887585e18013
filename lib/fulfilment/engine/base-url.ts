import { getEnv } from "@/lib/env";

/** Where the portal answers, for the callback URL it gives systems (AUTH_URL, else localhost). */
export function appBaseUrl(): string {
  const env = getEnv();
  return (env.AUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

/** The app on this machine, whatever its public URL: where the demo's simulated systems answer. */
export function localAppUrl(): string {
  return `http://127.0.0.1:${getEnv().PORT}`;
}
