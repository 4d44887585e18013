-- DropIndex
DROP INDEX "ProvisionRecord_subjectId_providedAt_id_idx";

-- CreateIndex
CREATE INDEX "ProvisionRecord_subjectId_providedAt_id_idx" ON "ProvisionRecord"("subjectId", "providedAt" DESC, "id" DESC);
