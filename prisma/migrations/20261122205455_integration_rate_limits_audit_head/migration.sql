-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('PUSH_DATA', 'PUSH_PROVISIONS', 'READ_RESTRICTIONS', 'REPORT_TASKS');

-- AlterTable
ALTER TABLE "DataSystem" ADD COLUMN     "previousSecret" TEXT,
ADD COLUMN     "secretRotatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PersonalDataItem" ADD COLUMN     "externalEventId" TEXT;

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" "ApiScope"[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastId" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "AuditHead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_systemId_idx" ON "ApiKey"("systemId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookSubscription_systemId_key" ON "WebhookSubscription"("systemId");

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "PersonalDataItem_systemId_externalEventId_key" ON "PersonalDataItem"("systemId", "externalEventId");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "DataSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "DataSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The head of an existing chain (lib/audit/record.ts moves it with every new row).
INSERT INTO "AuditHead" ("id", "lastId", "hash", "count")
SELECT 1, e."id", e."hash", (SELECT count(*) FROM "AuditEvent")
FROM "AuditEvent" e ORDER BY e."id" DESC LIMIT 1;
