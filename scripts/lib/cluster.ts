// Several processes of one server program on one port (node:cluster): the primary accepts the
// connections and hands them to its workers in turn. It relays a worker's cache flush
// (lib/server/flush-message.ts) to the others, and ends the whole cluster when a worker fails to
// start; a worker that ends later is replaced.
import cluster, { type Worker } from "node:cluster";

import { isFlushMessage } from "../../lib/server/flush-message";

export function runCluster(options: {
  /** The workers' program and its arguments. */
  exec: string;
  args: string[];
  /** Node's flags for the workers (none: not this process's loader). */
  execArgv?: string[];
  processes: number;
  /** A worker that ends within this long of its start failed to start (default 15 s). */
  startupMs?: number;
}): void {
  const startupMs = options.startupMs ?? 15_000;
  cluster.setupPrimary({
    exec: options.exec,
    args: options.args,
    execArgv: options.execArgv ?? [],
  });
  let stopping = false;
  // The living ones: an ended worker can still be listed while its IPC channel closes.
  const workers = () =>
    Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    const running = workers();
    if (running.length === 0) process.exit();
    for (const worker of running) worker.process.kill("SIGTERM");
    // Whatever still runs after ten seconds is not waited for.
    setTimeout(() => process.exit(), 10_000).unref();
  };

  const fork = (): Worker => {
    const worker = cluster.fork();
    const started = Date.now();
    worker.on("message", (message: unknown) => {
      if (!isFlushMessage(message)) return;
      for (const other of workers())
        if (other !== worker && other.isConnected()) other.send(message);
    });
    worker.on("exit", (code, signal) => {
      if (stopping) {
        if (workers().length === 0) process.exit();
      } else if (Date.now() - started < startupMs) {
        // Starting it again would only repeat the failure (a refused setting, a taken port).
        stop(code || 1);
      } else {
        console.error(
          `App process ${worker.process.pid} ended (${signal ?? code}); starting another.`,
        );
        fork();
      }
    });
    return worker;
  };

  for (let i = 0; i < options.processes; i++) fork();
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
}
