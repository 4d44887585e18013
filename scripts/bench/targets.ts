import { BENCH_REFERENCE, type ScaleDatabase } from "./seed-scale";

/** A page the CPU tools load by name, and whose session (of the scale database) loads it. */
export interface BenchTarget {
  name: string;
  path: string;
  /** Whose session loads it; none for a public page, loaded as a visitor. */
  as?: keyof ScaleDatabase["tokens"];
}

/** The pages `bench:profile` and `bench:ab` know, with the floors of the first three. */
export const BENCH_TARGETS: BenchTarget[] = [
  { name: "queue", path: "/ja/staff", as: "staff" },
  { name: "queue-floor", path: "/bench/queue-floor", as: "staff" },
  { name: "ledger", path: "/ja/me/ledger", as: "subject" },
  { name: "ledger-floor", path: "/bench/ledger-floor", as: "subject" },
  { name: "dashboard", path: "/ja/manager", as: "manager" },
  { name: "dashboard-floor", path: "/bench/dashboard-floor", as: "manager" },
  { name: "status", path: `/ja/me/requests/${BENCH_REFERENCE}`, as: "subject" },
  { name: "request", path: `/ja/staff/requests/${BENCH_REFERENCE}`, as: "staff" },
  { name: "privacy", path: "/ja/privacy" },
  { name: "empty", path: "/bench/empty", as: "subject" },
];

/** The targets named in a comma-separated list, in its order; refuses an unknown name. */
export function targetsNamed(list: string): BenchTarget[] {
  return list.split(",").map((name) => {
    const target = BENCH_TARGETS.find((t) => t.name === name);
    if (!target)
      throw new Error(`no page "${name}": ${BENCH_TARGETS.map((t) => t.name).join(", ")}`);
    return target;
  });
}
