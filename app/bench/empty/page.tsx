import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

// The least any server-rendered page of this app costs (scripts/bench/all.ts): no session, no
// query, one paragraph under the bare benchmark layout. It bounds every page's latency from
// below on the machine the benchmark runs on. Not found without BENCH_FLOOR=1.
export default function EmptyPage() {
  // eslint-disable-next-line no-restricted-properties -- a benchmark-only switch that must not exist in lib/env.ts (the product never reads it)
  if (process.env.BENCH_FLOOR !== "1") notFound();
  return <p data-empty="">empty</p>;
}
