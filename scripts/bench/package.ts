// Benchmark of the disclosure package (issue 4, "Done when"): a subject with 100,000 items across
// systems and categories (90,000 of the portal's records, 10,000 returned by an HTTP system's
// EXPORT task), built into each format alone, into all four in one pass, and as the data layer
// builds a real request's package (PDF + the readable HTML, encrypted to disk, recorded). Prints
// build time and peak memory growth (RSS and V8 heap, sampled every ~20 ms and after every batch,
// minus a baseline taken after a garbage collection) against the budgets: <= 5 s, <= 150 MB.
// Not a timed test: it prints figures and PASS/FAIL.
//
//   npm run bench:package            (tsx --conditions=react-server scripts/bench/package.ts)
//   options: --items 100000 --connector 10000 --reuse (keep dsar_bench_package between runs)
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import { Worker } from "node:worker_threads";

import pg from "pg";

import { applyMigrations } from "../db/migrations";

const { values: args } = parseArgs({
  options: {
    items: { type: "string", default: "100000" },
    connector: { type: "string", default: "10000" },
    reuse: { type: "boolean", default: false },
  },
});
const TOTAL = Number(args.items);
const CONNECTOR = Math.min(Number(args.connector), TOTAL);
const BUDGET_MS = 5_000;
const BUDGET_MB = 150;
const NAME = "dsar_bench_package";
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = adminUrl.replace(/\/[^/]*$/, `/${NAME}`);
const log = (line: string) => console.log(line);

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function databaseExists(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [NAME]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), "bench-package-"));
process.env.DATABASE_URL = url;
process.env.DATA_DIR = dataDir;
process.env.MASTER_KEY = randomBytes(32).toString("base64");
process.env.WORKER_MODE = "off";

const reuse = args.reuse && (await databaseExists());
if (!reuse) {
  log(`Creating ${NAME}…`);
  await admin(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${NAME}"`);
  await applyMigrations({ url });
}

const { getDb } = await import("../../lib/db");
const { seedDemo } = await import("../../prisma/seed/index");
const { buildPackageFiles } = await import("../../lib/fulfilment/package/build");
const { buildPackage } = await import("../../lib/data/packages/build-package");
const { createEncryptedFileWriter } = await import("../../lib/storage/stream-store");
const { deleteStoredFile } = await import("../../lib/storage/file-store");
type FileFormat = import("../../lib/fulfilment/package/types").PackageFileFormat;

const db = getDb();
const SUBJECT = "bench-package-subject";
const STAFF = "bench-package-staff";
const REFERENCE = "R-2099-990001";

async function seed() {
  log("Seeding the demo organisation…");
  await seedDemo(db);
  await db.user.createMany({
    data: [
      { id: SUBJECT, email: "bench.subject@example.jp", role: "SUBJECT" },
      { id: STAFF, email: "bench.staff@example.jp", role: "STAFF" },
    ],
  });
  await db.subject.create({
    data: { id: SUBJECT, userId: SUBJECT, familyName: "試験", givenName: "大量" },
  });
  const records = TOTAL - CONNECTOR;
  log(`Seeding ${records} records and ${CONNECTOR} connector items…`);
  // Every (system, category) pair of the data map except the HTTP system, which answers itself.
  await db.$executeRawUnsafe(`
    INSERT INTO "PersonalDataItem" (id, "subjectId", "systemId", "categoryId", field, value, source,
      "sourceNote", "linkedToPerson", "collectedAt", "updatedAt", "retainUntil", "legalHold", "legalHoldReason")
    SELECT 'bench-item-' || g, '${SUBJECT}', pair.s[1 + g % array_length(pair.s, 1)],
      pair.c[1 + g % array_length(pair.c, 1)],
      (ARRAY['reservation','visit','purchase','pageView','inquiry','pointsEarned'])[1 + g % 6] || g % 97,
      (ARRAY['宿泊予約 東京都港区のホテル 2泊 ¥48,200（大人2名・禁煙室）',
             '来店 渋谷店「季節のコース」 利用金額 12,800円',
             'Purchase of a gift card, 5,000 JPY, paid by card ending 4242',
             'ページ閲覧 /hotels/tokyo/minato?checkin=2025-04-01 滞在 42秒',
             'お問い合わせ: ポイントの付与が反映されていません。ご確認をお願いします。',
             '付与 120ポイント（期間限定 30ポイントを含む）'])[1 + g % 6] || ' #' || g,
      (ARRAY['DIRECT','AUTOMATIC','THIRD_PARTY','PUBLIC'])[1 + g % 4]::"DataSource",
      (ARRAY['ご本人が入力','サービス利用時に自動的に記録','提携先から受領','公開情報から取得'])[1 + g % 4],
      true, now() - (g % 1000) * interval '1 day', now(),
      CASE WHEN g % 3 = 0 THEN now() + interval '2 years' END,
      g % 50 = 0, CASE WHEN g % 50 = 0 THEN '法人税法に基づく帳簿書類の保存義務（7年間）' END
    FROM generate_series(1, ${records}) g
    CROSS JOIN (
      SELECT array_agg(u."systemId" ORDER BY u."systemId", u."categoryId") AS s,
             array_agg(u."categoryId" ORDER BY u."systemId", u."categoryId") AS c
      FROM (SELECT DISTINCT p."systemId", p."categoryId" FROM "SystemCategoryPurpose" p
            JOIN "DataSystem" ds ON ds.id = p."systemId" WHERE ds.connector <> 'HTTP') u
    ) pair`);
  await db.$executeRawUnsafe(`
    INSERT INTO "ProvisionRecord" (id, "subjectId", "recipientId", "purposeId", "providedAt", items,
      "legalBasis", "keepUntil")
    SELECT 'bench-prov-' || g, '${SUBJECT}', r.rec[1 + g % array_length(r.rec, 1)],
      r.pur[1 + g % array_length(r.pur, 1)], now() - g * interval '1 day',
      ARRAY['name','email'], 'CONSENT', now() + interval '3 years'
    FROM generate_series(1, 500) g
    CROSS JOIN (SELECT (SELECT array_agg(id ORDER BY key) FROM "Recipient") rec,
                       (SELECT array_agg(id ORDER BY key) FROM "Purpose") pur) r`);
  const request = await db.request.create({
    data: {
      reference: REFERENCE,
      type: "DISCLOSURE",
      status: "IN_PROGRESS",
      subjectId: SUBJECT,
      filedById: SUBJECT,
      dueAt: new Date(Date.now() + 10 * 86_400_000),
      details: { scope: "ALL", categoryKeys: [], method: "PDF", postalAddress: "" },
    },
  });
  const http = await db.dataSystem.findFirstOrThrow({ where: { connector: "HTTP" } });
  const keys = ["reservation_history", "usage_record", "name", "phone", "email"];
  await db.fulfilmentTask.create({
    data: {
      requestId: request.id,
      systemId: http.id,
      action: "EXPORT",
      status: "SUCCEEDED",
      result: {
        itemCount: CONNECTOR,
        items: Array.from({ length: CONNECTOR }, (_, i) => ({
          ref: `${http.key}:booking-${i}`,
          categoryKey: keys[i % keys.length]!,
          field: `booking${i}`,
          value: `ネット予約 ${i}件目: 京都市の旅館 1泊 ¥23,${String(i % 1000).padStart(3, "0")}（夕食付き）`,
          source: "DIRECT",
          sourceNote: "ネット予約の申込時にご本人が入力",
          collectedAt: new Date(Date.now() - i * 60_000).toISOString(),
        })),
      },
    },
  });
  await db.$executeRawUnsafe(`VACUUM ANALYZE "PersonalDataItem"`);
}

if (!reuse) await seed();
const request = await db.request.findUniqueOrThrow({
  where: { reference: REFERENCE },
  select: { id: true, reference: true, subjectId: true, details: true, locale: true },
});
const candidates = (await db.personalDataItem.count({ where: { subjectId: SUBJECT } })) + CONNECTOR;
log(`Subject: ${candidates} items (${CONNECTOR} from the HTTP system's export task).`);

// Memory: RSS (process-wide) sampled every 20 ms by a worker thread, so a busy main thread does
// not hide a peak; the heap sampled on the main thread by a timer and after every batch.
const sampler = new Worker(
  `const { parentPort } = require("node:worker_threads");
   let peak = 0;
   setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 20);
   parentPort.on("message", (m) => { if (m === "reset") peak = 0; else parentPort.postMessage(peak); });`,
  { eval: true },
);
const askPeak = () =>
  new Promise<number>((resolve) => {
    sampler.once("message", resolve);
    sampler.postMessage("peak");
  });

interface Run {
  label: string;
  ms: number;
  rssMb: number;
  heapMb: number;
  sizeMb: number;
  items: number;
}

async function measure(
  label: string,
  body: (sample: () => void) => Promise<{ bytes: number; items: number }>,
): Promise<Run> {
  gc();
  await new Promise((r) => setTimeout(r, 200));
  gc();
  const base = process.memoryUsage();
  sampler.postMessage("reset");
  await new Promise((r) => setTimeout(r, 50));
  let heapPeak = base.heapUsed;
  let rssPeak = base.rss;
  const sample = () => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  const { bytes, items } = await body(sample);
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  rssPeak = Math.max(rssPeak, await askPeak());
  const mb = (n: number) => n / 1024 / 1024;
  return {
    label,
    ms,
    rssMb: mb(rssPeak - base.rss),
    heapMb: mb(heapPeak - base.heapUsed),
    sizeMb: mb(bytes),
    items,
  };
}

async function buildFormats(formats: FileFormat[], sample: () => void) {
  const files = await Promise.all(formats.map(() => createEncryptedFileWriter()));
  const tail = await buildPackageFiles({
    db,
    request,
    outputs: formats.map((format, i) => ({ format, sink: files[i]! })),
    redactions: new Map(),
    onBatch: sample,
  });
  let bytes = 0;
  for (const file of files) {
    const stored = await file.finish();
    bytes += stored.sizeBytes;
    await deleteStoredFile(stored);
  }
  return { bytes, items: tail.itemCount };
}

const runs: Run[] = [];
// A warm-up, so that the first measured format does not pay for loading modules and the font.
await buildFormats(["PDF"], () => undefined).catch(() => undefined);
for (const format of ["JSON", "CSV", "HTML", "PDF"] as const)
  runs.push(await measure(format, (sample) => buildFormats([format], sample)));
runs.push(
  await measure("all four, one pass", (sample) =>
    buildFormats(["JSON", "CSV", "HTML", "PDF"], sample),
  ),
);
runs.push(
  await measure("request's package (PDF + HTML, recorded)", async (sample) => {
    const result = await buildPackage({
      actor: {
        userId: STAFF,
        role: "STAFF",
        email: "bench.staff@example.jp",
        ip: null,
        passkeyAt: new Date(),
      },
      input: { reference: REFERENCE },
      onBatch: sample,
    });
    const rows = await db.responsePackage.findMany({
      where: { requestId: request.id, releasedAt: null },
      select: { sizeBytes: true },
    });
    return { bytes: rows.reduce((n, r) => n + (r.sizeBytes ?? 0), 0), items: result.itemCount };
  }),
);

const pad = (s: string, n: number) => s.padEnd(n);
const num = (n: number, d = 0) => n.toFixed(d).padStart(8);
log("");
log(
  `Disclosure package of ${candidates} items — budgets: build <= ${BUDGET_MS} ms, memory growth <= ${BUDGET_MB} MB`,
);
log(`(2 shared cores; other work on the machine makes the times noisy)`);
log(
  `${pad("build", 42)}${"items".padStart(8)}${"ms".padStart(8)}${"RSS MB".padStart(8)}${"heap MB".padStart(8)}${"file MB".padStart(8)}  verdict`,
);
let failed = false;
for (const run of runs) {
  const ok = run.ms <= BUDGET_MS && run.rssMb <= BUDGET_MB && run.heapMb <= BUDGET_MB;
  if (!ok) failed = true;
  log(
    `${pad(run.label, 42)}${String(run.items).padStart(8)}${num(run.ms)}${num(run.rssMb, 1)}${num(run.heapMb, 1)}${num(run.sizeMb, 1)}  ${ok ? "PASS" : "FAIL"}`,
  );
}
log("");
log(failed ? "FAIL: at least one build is over budget" : "PASS: every build within budget");

await sampler.terminate();
await db.$disconnect();
await rm(dataDir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
