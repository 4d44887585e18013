-- AlterEnum
ALTER TYPE "ApiScope" ADD VALUE 'PUSH_RECEIPTS';

-- CreateTable
CREATE TABLE "ReceiptRecord" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "sourceSystemId" TEXT,
    "providerName" TEXT NOT NULL,
    "providerAddress" TEXT NOT NULL,
    "providerRepresentative" TEXT,
    "acquisitionMethod" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "items" TEXT[],
    "legalBasis" "LegalBasis" NOT NULL,
    "keepUntil" TIMESTAMP(3) NOT NULL,
    "externalEventId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceiptRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReceiptRecord_subjectId_receivedAt_id_idx" ON "ReceiptRecord"("subjectId", "receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ReceiptRecord_sourceSystemId_externalEventId_key" ON "ReceiptRecord"("sourceSystemId", "externalEventId");

-- AddForeignKey
ALTER TABLE "ReceiptRecord" ADD CONSTRAINT "ReceiptRecord_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceiptRecord" ADD CONSTRAINT "ReceiptRecord_sourceSystemId_fkey" FOREIGN KEY ("sourceSystemId") REFERENCES "DataSystem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
