import { z } from "zod";

// zod for the app's schemas, the same on the server and in the browser. In the browser zod must
// not try to compile its fast parsers with `new Function`: the Content-Security-Policy has no
// 'unsafe-eval', so the attempt is refused and Chromium reports a CSP violation on every page with
// a form (Lighthouse best practices). The setting must come before any schema is built, so every
// module that builds one imports `z` from here; the server keeps the compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
