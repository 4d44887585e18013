// The largest server-action body, in bytes: Next.js's own limit (serverActions.bodySizeLimit), the
// body the proxy may read (experimental.proxyClientMaxBodySize) and the proxy's 413 threshold, all
// from this one number. Plain JavaScript because next.config.js imports it too.
// Manual tasks carry up to 10 MB of files (lib/validation/tasks.ts) plus the form around them.
export const SERVER_ACTION_BODY_LIMIT = 12 * 1024 * 1024;
