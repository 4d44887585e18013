-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "proposal" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "FulfilmentTask" ADD COLUMN     "checklist" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "IdentityDocument" ADD COLUMN     "myNumberFlaggedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RecipientNotice" ADD COLUMN     "note" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "enteredById" TEXT;

-- AlterTable
ALTER TABLE "ResponsePackage" ADD COLUMN     "itemCount" INTEGER;

-- AlterTable
ALTER TABLE "VerificationDecision" ADD COLUMN     "checks" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "TaskAttachment" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "wrappedKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectorReceipt" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConnectorReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemRedaction" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "itemRef" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ItemRedaction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskAttachment_taskId_idx" ON "TaskAttachment"("taskId");

-- CreateIndex
CREATE INDEX "ConnectorReceipt_receivedAt_idx" ON "ConnectorReceipt"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectorReceipt_systemId_nonce_key" ON "ConnectorReceipt"("systemId", "nonce");

-- CreateIndex
CREATE UNIQUE INDEX "ItemRedaction_requestId_itemRef_key" ON "ItemRedaction"("requestId", "itemRef");

-- CreateIndex
CREATE INDEX "Request_open_due_idx" ON "Request"("dueAt", "id") WHERE (status IN ('SUBMITTED', 'AWAITING_IDENTITY', 'IDENTITY_REVIEW', 'IN_PROGRESS', 'NEEDS_INFO', 'AWAITING_APPROVAL'));

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAttachment" ADD CONSTRAINT "TaskAttachment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "FulfilmentTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemRedaction" ADD CONSTRAINT "ItemRedaction_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemRedaction" ADD CONSTRAINT "ItemRedaction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
