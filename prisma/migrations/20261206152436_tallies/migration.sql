-- CreateTable
CREATE TABLE "Tally" (
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "Tally_pkey" PRIMARY KEY ("dimension","key")
);

-- CreateTable
CREATE TABLE "TallyDelta" (
    "id" BIGSERIAL NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "TallyDelta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CloseTimeSnapshot" (
    "day" TIMESTAMP(3) NOT NULL,
    "rows" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CloseTimeSnapshot_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "Request_closedAt_idx" ON "Request"("closedAt");

-- CreateIndex
CREATE INDEX "Request_open_unextended_due_idx" ON "Request"("dueAt") WHERE ((status = ANY (ARRAY['SUBMITTED'::"RequestStatus", 'AWAITING_IDENTITY'::"RequestStatus", 'IDENTITY_REVIEW'::"RequestStatus", 'IN_PROGRESS'::"RequestStatus", 'NEEDS_INFO'::"RequestStatus", 'AWAITING_FEE'::"RequestStatus", 'AWAITING_APPROVAL'::"RequestStatus"])) AND ("extendedDueAt" IS NULL));

-- CreateIndex
CREATE INDEX "Request_open_extended_due_idx" ON "Request"("extendedDueAt") WHERE ((status = ANY (ARRAY['SUBMITTED'::"RequestStatus", 'AWAITING_IDENTITY'::"RequestStatus", 'IDENTITY_REVIEW'::"RequestStatus", 'IN_PROGRESS'::"RequestStatus", 'NEEDS_INFO'::"RequestStatus", 'AWAITING_FEE'::"RequestStatus", 'AWAITING_APPROVAL'::"RequestStatus"])) AND ("extendedDueAt" IS NOT NULL));

-- CreateIndex
CREATE INDEX "Request_open_ack_due_idx" ON "Request"("ackDueAt") WHERE ((status = ANY (ARRAY['SUBMITTED'::"RequestStatus", 'AWAITING_IDENTITY'::"RequestStatus", 'IDENTITY_REVIEW'::"RequestStatus", 'IN_PROGRESS'::"RequestStatus", 'NEEDS_INFO'::"RequestStatus", 'AWAITING_FEE'::"RequestStatus", 'AWAITING_APPROVAL'::"RequestStatus"])) AND ("acknowledgedAt" IS NULL) AND ("ackDueAt" IS NOT NULL));

-- ---- The tallies (issue 17) ------------------------------------------------------------------
-- Every statement on "Request", "ProvisionRecord" and "PersonalDataItem" appends its net change
-- per (dimension, key) to "TallyDelta", in its own transaction; tally_compact() folds the deltas
-- into "Tally". Readers: lib/data/dashboard/dashboard-query.ts, lib/data/transparency.

-- Folds the deltas into the tallies. One at a time (a transaction-scoped advisory lock; a second
-- caller returns at once), so two never wait on each other's rows. Deltas of transactions not yet
-- committed are not seen and stay for the next fold.
CREATE FUNCTION tally_compact() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('tally_compact')) THEN
    RETURN 0;
  END IF;
  WITH gone AS (DELETE FROM "TallyDelta" RETURNING dimension, key, n)
  INSERT INTO "Tally" (dimension, key, n)
  SELECT dimension, key, sum(n)::int FROM gone GROUP BY dimension, key ORDER BY dimension, key
  ON CONFLICT (dimension, key) DO UPDATE SET n = "Tally".n + excluded.n;
  GET DIAGNOSTICS folded = ROW_COUNT;
  DELETE FROM "Tally" WHERE n = 0;
  RETURN folded;
END
$$;

-- Appends the net change of (dimension, key, n) rows, and now and then folds (one statement in
-- fifty), so the deltas a reader sums stay few whatever the history.
CREATE FUNCTION tally_append(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TallyDelta" (dimension, key, n)
  SELECT c.dimension, c.key, c.n FROM jsonb_to_recordset(changes) AS c(dimension text, key text, n int)
  WHERE c.n <> 0;
  IF random() < 0.02 THEN
    PERFORM tally_compact();
  END IF;
END
$$;

-- The keys a request counts under on the dashboard. The open status list is OPEN_STATUSES in
-- lib/requests/lifecycle.ts (lib/data/dashboard/tally.test.ts checks it). Keys: intake and closed
-- by day in Japan time (YYYY-MM-DD); open by "STATUS TYPE"; jurisdiction; assignee (its id, ''
-- for none); due and ack by UTC hour (YYYY-MM-DDTHH), as the timestamps are stored.
CREATE FUNCTION request_tally_keys(
  status "RequestStatus", type "RequestType", jurisdictions "Jurisdiction"[], "assigneeId" text,
  "receivedAt" timestamp, "closedAt" timestamp, "dueAt" timestamp, "extendedDueAt" timestamp,
  "ackDueAt" timestamp, "acknowledgedAt" timestamp
) RETURNS TABLE (dimension text, key text) LANGUAGE sql STABLE AS $$
  SELECT 'request:intake', to_char("receivedAt" + interval '9 hours', 'YYYY-MM-DD')
  UNION ALL
  SELECT 'request:closed', to_char("closedAt" + interval '9 hours', 'YYYY-MM-DD')
  WHERE "closedAt" IS NOT NULL
  UNION ALL
  SELECT k.dimension, k.key FROM (
    SELECT 'request:open' AS dimension, status::text || ' ' || type::text AS key
    UNION ALL SELECT 'request:assignee', coalesce("assigneeId", '')
    UNION ALL SELECT 'request:jurisdiction', j::text FROM unnest(jurisdictions) j
    UNION ALL SELECT 'request:due',
      to_char(date_trunc('hour', coalesce("extendedDueAt", "dueAt")), 'YYYY-MM-DD"T"HH24')
    UNION ALL SELECT 'request:ack', to_char(date_trunc('hour', "ackDueAt"), 'YYYY-MM-DD"T"HH24')
    WHERE "acknowledgedAt" IS NULL AND "ackDueAt" IS NOT NULL
  ) k
  WHERE status = ANY (ARRAY['SUBMITTED', 'AWAITING_IDENTITY', 'IDENTITY_REVIEW', 'IN_PROGRESS',
    'NEEDS_INFO', 'AWAITING_FEE', 'AWAITING_APPROVAL']::"RequestStatus"[])
$$;

-- Time to close per type over the 30 and 90 complete days before snapshot_day (00:00 Japan time,
-- as UTC without zone like every timestamp here): completed requests, closedAt − receivedAt in
-- seconds, median and 90th percentile. Stored for the day and returned; built under a shared lock
-- that a change to an earlier closure takes exclusively (request_tally_apply), each statement with
-- its own snapshot, so a stored snapshot never misses a committed change.
CREATE FUNCTION close_time_snapshot(snapshot_day timestamp) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  result jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('close_time_snapshot'));
  SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x."windowDays", x.type), '[]'::jsonb)
  INTO result
  FROM (
    SELECT w.days AS "windowDays", r.type::text AS type, count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (
        ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt")::float8) AS p50,
      percentile_cont(0.9) WITHIN GROUP (
        ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt")::float8) AS p90
    FROM (VALUES (30), (90)) w(days)
    JOIN "Request" r ON r."closedAt" >= snapshot_day - make_interval(days => w.days)
      AND r."closedAt" < snapshot_day
    WHERE r.status = 'COMPLETED'
    GROUP BY w.days, r.type
  ) x;
  INSERT INTO "CloseTimeSnapshot" (day, rows) VALUES (snapshot_day, result)
  ON CONFLICT (day) DO NOTHING;
  RETURN result;
END
$$;

-- One function for the three statement triggers on "Request" (a trigger with transition tables
-- takes one event, and each names only the tables it has): the statement's net change per key,
-- appended; a time-to-close snapshot dropped when the statement changed a request closed before
-- the snapshot's day.
CREATE FUNCTION request_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes jsonb;
  reached timestamp;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(d), min(d.first) INTO changes, reached FROM (
      SELECT k.dimension, k.key, count(*)::int AS n, min(r."closedAt") AS first
      FROM new_rows r CROSS JOIN LATERAL request_tally_keys(r.status, r.type, r.jurisdictions,
        r."assigneeId", r."receivedAt", r."closedAt", r."dueAt", r."extendedDueAt",
        r."ackDueAt", r."acknowledgedAt") k
      GROUP BY k.dimension, k.key) d;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(d), min(d.first) INTO changes, reached FROM (
      SELECT k.dimension, k.key, -count(*)::int AS n, min(r."closedAt") AS first
      FROM old_rows r CROSS JOIN LATERAL request_tally_keys(r.status, r.type, r.jurisdictions,
        r."assigneeId", r."receivedAt", r."closedAt", r."dueAt", r."extendedDueAt",
        r."ackDueAt", r."acknowledgedAt") k
      GROUP BY k.dimension, k.key) d;
  ELSE
    SELECT jsonb_agg(d) INTO changes FROM (
      SELECT c.dimension, c.key, sum(c.n)::int AS n FROM (
        SELECT k.dimension, k.key, 1 AS n
        FROM new_rows r CROSS JOIN LATERAL request_tally_keys(r.status, r.type, r.jurisdictions,
          r."assigneeId", r."receivedAt", r."closedAt", r."dueAt", r."extendedDueAt",
          r."ackDueAt", r."acknowledgedAt") k
        UNION ALL
        SELECT k.dimension, k.key, -1
        FROM old_rows r CROSS JOIN LATERAL request_tally_keys(r.status, r.type, r.jurisdictions,
          r."assigneeId", r."receivedAt", r."closedAt", r."dueAt", r."extendedDueAt",
          r."ackDueAt", r."acknowledgedAt") k
      ) c
      GROUP BY c.dimension, c.key HAVING sum(c.n) <> 0) d;
    SELECT min(least(o."closedAt", n."closedAt")) INTO reached
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.status, o.type, o."receivedAt", o."closedAt")
      IS DISTINCT FROM (n.status, n.type, n."receivedAt", n."closedAt");
  END IF;
  -- A closure before today (Japan time) may be in a snapshot: under the lock that
  -- close_time_snapshot() takes shared, so a snapshot being built waits for this change or is
  -- dropped by it. Closing a request now reaches no snapshot and takes no lock.
  IF reached IS NOT NULL
    AND reached < date_trunc('day', now() AT TIME ZONE 'Asia/Tokyo') - interval '9 hours' THEN
    PERFORM pg_advisory_xact_lock(hashtext('close_time_snapshot'));
    DELETE FROM "CloseTimeSnapshot" WHERE day > reached;
  END IF;
  IF changes IS NOT NULL THEN
    PERFORM tally_append(changes);
  END IF;
  RETURN NULL;
END
$$;

-- Provision records on the transparency page: by scene ('' for none) and recipient, and each item
-- provided by scene (records with a scene).
CREATE FUNCTION provision_tally_keys("sceneId" text, "recipientId" text, items text[])
RETURNS TABLE (dimension text, key text) LANGUAGE sql STABLE AS $$
  SELECT 'provision:scene-recipient', coalesce("sceneId", '') || ' ' || "recipientId"
  UNION ALL
  SELECT 'provision:scene-item', "sceneId" || ' ' || item FROM unnest(items) item
  WHERE "sceneId" IS NOT NULL
$$;

CREATE FUNCTION provision_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(d) INTO changes FROM (
      SELECT k.dimension, k.key, count(*)::int AS n
      FROM new_rows r CROSS JOIN LATERAL provision_tally_keys(r."sceneId", r."recipientId", r.items) k
      GROUP BY k.dimension, k.key) d;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(d) INTO changes FROM (
      SELECT k.dimension, k.key, -count(*)::int AS n
      FROM old_rows r CROSS JOIN LATERAL provision_tally_keys(r."sceneId", r."recipientId", r.items) k
      GROUP BY k.dimension, k.key) d;
  ELSE
    SELECT jsonb_agg(d) INTO changes FROM (
      SELECT c.dimension, c.key, sum(c.n)::int AS n FROM (
        SELECT k.dimension, k.key, 1 AS n
        FROM new_rows r CROSS JOIN LATERAL provision_tally_keys(r."sceneId", r."recipientId", r.items) k
        UNION ALL
        SELECT k.dimension, k.key, -1
        FROM old_rows r CROSS JOIN LATERAL provision_tally_keys(r."sceneId", r."recipientId", r.items) k
      ) c
      GROUP BY c.dimension, c.key HAVING sum(c.n) <> 0) d;
  END IF;
  IF changes IS NOT NULL THEN
    PERFORM tally_append(changes);
  END IF;
  RETURN NULL;
END
$$;

-- Personal data items not erased, by category and source (the transparency page's sources).
CREATE FUNCTION item_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(d) INTO changes FROM (
      SELECT 'item:category-source' AS dimension, r."categoryId" || ' ' || r.source::text AS key,
        count(*)::int AS n
      FROM new_rows r WHERE r."erasedAt" IS NULL GROUP BY 2) d;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(d) INTO changes FROM (
      SELECT 'item:category-source' AS dimension, r."categoryId" || ' ' || r.source::text AS key,
        -count(*)::int AS n
      FROM old_rows r WHERE r."erasedAt" IS NULL GROUP BY 2) d;
  ELSE
    SELECT jsonb_agg(d) INTO changes FROM (
      SELECT 'item:category-source' AS dimension, c.key, sum(c.n)::int AS n FROM (
        SELECT r."categoryId" || ' ' || r.source::text AS key, 1 AS n
        FROM new_rows r WHERE r."erasedAt" IS NULL
        UNION ALL
        SELECT r."categoryId" || ' ' || r.source::text, -1
        FROM old_rows r WHERE r."erasedAt" IS NULL
      ) c
      GROUP BY c.key HAVING sum(c.n) <> 0) d;
  END IF;
  IF changes IS NOT NULL THEN
    PERFORM tally_append(changes);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER tally_insert AFTER INSERT ON "Request"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION request_tally_apply();
CREATE TRIGGER tally_update AFTER UPDATE ON "Request"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION request_tally_apply();
CREATE TRIGGER tally_delete AFTER DELETE ON "Request"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION request_tally_apply();

CREATE TRIGGER tally_insert AFTER INSERT ON "ProvisionRecord"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION provision_tally_apply();
CREATE TRIGGER tally_update AFTER UPDATE ON "ProvisionRecord"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION provision_tally_apply();
CREATE TRIGGER tally_delete AFTER DELETE ON "ProvisionRecord"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION provision_tally_apply();

CREATE TRIGGER tally_insert AFTER INSERT ON "PersonalDataItem"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION item_tally_apply();
CREATE TRIGGER tally_update AFTER UPDATE ON "PersonalDataItem"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION item_tally_apply();
CREATE TRIGGER tally_delete AFTER DELETE ON "PersonalDataItem"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION item_tally_apply();

-- TRUNCATE fires no row or statement trigger of its own kind: it empties the table's tallies
-- (and, for requests, the time-to-close snapshots) itself. TG_ARGV[0] is the dimensions' prefix.
CREATE FUNCTION tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "Tally" WHERE dimension LIKE TG_ARGV[0] || ':%';
  DELETE FROM "TallyDelta" WHERE dimension LIKE TG_ARGV[0] || ':%';
  IF TG_ARGV[0] = 'request' THEN
    DELETE FROM "CloseTimeSnapshot";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER tally_truncate AFTER TRUNCATE ON "Request"
  FOR EACH STATEMENT EXECUTE FUNCTION tally_truncate('request');
CREATE TRIGGER tally_truncate AFTER TRUNCATE ON "ProvisionRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION tally_truncate('provision');
CREATE TRIGGER tally_truncate AFTER TRUNCATE ON "PersonalDataItem"
  FOR EACH STATEMENT EXECUTE FUNCTION tally_truncate('item');

-- The rows already there, counted once.
INSERT INTO "Tally" (dimension, key, n)
SELECT k.dimension, k.key, count(*)::int
FROM "Request" r CROSS JOIN LATERAL request_tally_keys(r.status, r.type, r.jurisdictions,
  r."assigneeId", r."receivedAt", r."closedAt", r."dueAt", r."extendedDueAt", r."ackDueAt",
  r."acknowledgedAt") k
GROUP BY k.dimension, k.key;
INSERT INTO "Tally" (dimension, key, n)
SELECT k.dimension, k.key, count(*)::int
FROM "ProvisionRecord" r CROSS JOIN LATERAL provision_tally_keys(r."sceneId", r."recipientId", r.items) k
GROUP BY k.dimension, k.key;
INSERT INTO "Tally" (dimension, key, n)
SELECT 'item:category-source', r."categoryId" || ' ' || r.source::text, count(*)::int
FROM "PersonalDataItem" r WHERE r."erasedAt" IS NULL GROUP BY 2;
