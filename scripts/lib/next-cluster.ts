// The app as several Next.js production servers on one port, one per core (`WEB_CONCURRENCY`):
// every worker is a plain `next start` of the same build, with this process's environment.
//
//   node --import tsx scripts/lib/next-cluster.ts <port> <processes>
//
// Started by scripts/start.ts and by the benchmarks (scripts/bench/app-server.ts).
import path from "node:path";

import { runCluster } from "./cluster";

const [port, processes] = process.argv.slice(2);
if (!port || !/^[1-9][0-9]*$/.test(processes ?? "")) {
  console.error("usage: next-cluster.ts <port> <processes>");
  process.exit(2);
}
runCluster({
  exec: path.resolve(import.meta.dirname, "../../node_modules/next/dist/bin/next"),
  args: ["start", "-p", port],
  processes: Number(processes),
});
