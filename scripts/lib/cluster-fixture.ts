// A stand-in server for scripts/lib/cluster.test.ts, run as the cluster's primary and as each of
// its workers: every answer says which process gave it and the flushes it has heard of.
//
//   node --import tsx scripts/lib/cluster-fixture.ts <port>
import cluster from "node:cluster";
import http from "node:http";

import { announceFlush, listenForFlushes } from "../../lib/server/flush-message";
import { runCluster } from "./cluster";

const port = process.argv[2]!;

if (cluster.isPrimary) {
  runCluster({
    exec: import.meta.filename,
    args: [port],
    execArgv: ["--import", "tsx"],
    processes: 2,
    startupMs: 2_000,
  });
} else {
  // CLUSTER_FIXTURE_FAIL: every worker fails to start, as one refused by its settings does.
  if (process.env.CLUSTER_FIXTURE_FAIL) process.exit(3);
  const heard: string[][] = [];
  listenForFlushes((tags) => heard.push([...tags]));
  http
    .createServer((req, res) => {
      if (req.url === "/flush") announceFlush(["brand"]);
      if (req.url === "/exit") setTimeout(() => process.exit(1), 50);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ pid: process.pid, heard }));
    })
    .listen(Number(port), "127.0.0.1");
}
