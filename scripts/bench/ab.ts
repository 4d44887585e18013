// `npm run bench:ab -- --a <distDir> --b <distDir>` (issue 17): two production builds of the app
// side by side on the benchmark database, each page loaded on both in alternating rounds, and the
// server CPU per request of each build (its process tree's, from /proc) printed with their ratio.
// Alternating rounds on two running servers keep a slow minute of the shared host from falling
// on one side only, which a before/after of one server at a time cannot. For checking that a
// change makes a page cheaper: build the old code into one folder and the new into another
// (NEXT_DIST_DIR=<dir> npx next build). Prints figures; no budget.
//
//   npm run bench:ab -- --a .next-before --b .next-after [--scale small] [--rounds 12]
//                       [--requests 80] [--pages queue,ledger,dashboard,request,status]
import { parseArgs } from "node:util";

import { startApp } from "./app-server";
import { load, processTreeCpuMs } from "./load";
import { reuseScaleDatabase, scaleDatabaseName, type Scale } from "./seed-scale";
import { targetsNamed } from "./targets";

const { values: args } = parseArgs({
  options: {
    a: { type: "string" },
    b: { type: "string" },
    scale: { type: "string", default: "small" },
    rounds: { type: "string", default: "12" },
    requests: { type: "string", default: "80" },
    pages: { type: "string", default: "queue,ledger,dashboard,request,status" },
  },
});
if (!args.a || !args.b) throw new Error("pass --a <distDir> --b <distDir>");
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// The database `npm run bench` seeded at this scale (run it once first).
const scale = args.scale as Scale;
const db = await reuseScaleDatabase(adminUrl, scale, scaleDatabaseName(scale));
const a = await startApp({ port: "3221", distDir: args.a, databaseUrl: db.url });
const b = await startApp({ port: "3222", distDir: args.b, databaseUrl: db.url });
const rounds = Number(args.rounds);
const perRound = Number(args.requests);
console.log(`A: ${args.a}   B: ${args.b}   ${rounds} rounds of ${perRound} requests on each\n`);
for (const page of targetsNamed(args.pages)) {
  const run = (app: typeof a, requests: number) =>
    load({
      url: `${app.base}${page.path}`,
      cookie: page.as && `authjs.session-token=${db.tokens[page.as]}`,
      clients: 4,
      requests,
      check: () => {},
    });
  await run(a, 150); // warm-up: JIT, pools, caches
  await run(b, 150);
  const cpu = { a: 0, b: 0 };
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
    for (const side of order) {
      const app = side === "a" ? a : b;
      const before = processTreeCpuMs(app.pid);
      await run(app, perRound);
      cpu[side] += processTreeCpuMs(app.pid) - before;
    }
  }
  const per = (ms: number) => `${(ms / (rounds * perRound)).toFixed(2)} ms`;
  console.log(
    `${page.name.padEnd(10)} ${page.path.padEnd(40)} A ${per(cpu.a)}  B ${per(cpu.b)}  B/A ${(cpu.b / cpu.a).toFixed(3)}`,
  );
}
a.stop();
b.stop();
process.exit(0);
