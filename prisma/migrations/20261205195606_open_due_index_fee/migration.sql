-- A new enum value cannot be used in the transaction that adds it: the open-requests index that
-- names AWAITING_FEE is rebuilt in its own migration.
-- DropIndex
DROP INDEX "Request_open_due_idx";

-- CreateIndex
CREATE INDEX "Request_open_due_idx" ON "Request"("dueAt", "id") WHERE (status = ANY (ARRAY['SUBMITTED'::"RequestStatus", 'AWAITING_IDENTITY'::"RequestStatus", 'IDENTITY_REVIEW'::"RequestStatus", 'IN_PROGRESS'::"RequestStatus", 'NEEDS_INFO'::"RequestStatus", 'AWAITING_FEE'::"RequestStatus", 'AWAITING_APPROVAL'::"RequestStatus"]));
