// @ts-check
/* global process */

import { SERVER_ACTION_BODY_LIMIT } from "./lib/http/server-action-limit.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers, the job queue and the mailer stay plain Node modules (never bundled).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "pg-boss",
    "nodemailer",
    "@prisma/adapter-pg",
    // Instrumentations hook Node's module loading: the SDK must be a plain Node module too.
    "@opentelemetry/sdk-node",
    "@opentelemetry/sdk-trace",
    "@opentelemetry/instrumentation-http",
    "@opentelemetry/instrumentation-pg",
  ],
  // A separate build folder lets parallel e2e runs on one machine keep their builds apart.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) and lints it; the build need not do it again,
  // which keeps the first `npm start` well inside its three-minute budget on two cores.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // forbidden() (next/navigation): a page a person's role does not open answers 403 with
    // app/[locale]/forbidden.tsx, not 200 with a refusal drawn in the page.
    authInterrupts: true,
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    // The proxy reads a server action's body to check it before Next.js's action handler does
    // (proxy.ts); it must be given the whole body, or the action would get a truncated one.
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
