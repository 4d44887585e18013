-- DropIndex
DROP INDEX "ProvisionRecord_recipientId_idx";

-- CreateIndex
CREATE INDEX "ProvisionRecord_recipientId_subjectId_idx" ON "ProvisionRecord"("recipientId", "subjectId");
