-- CreateEnum
CREATE TYPE "FeeBasis" AS ENUM ('CONFIGURED', 'UNFOUNDED_OR_EXCESSIVE', 'FURTHER_COPIES');

-- CreateEnum
CREATE TYPE "FeeSettlement" AS ENUM ('PAID', 'WAIVED');

-- AlterEnum
ALTER TYPE "ClockEventKind" ADD VALUE 'FEE_RESTART';

-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'AWAITING_FEE';

-- CreateTable
CREATE TABLE "RequestFee" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "basis" "FeeBasis" NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "askedById" TEXT,
    "settlement" "FeeSettlement",
    "receivedAt" TIMESTAMP(3),
    "settledAt" TIMESTAMP(3),
    "settledById" TEXT,

    CONSTRAINT "RequestFee_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequestFee_requestId_askedAt_idx" ON "RequestFee"("requestId", "askedAt");

-- AddForeignKey
ALTER TABLE "RequestFee" ADD CONSTRAINT "RequestFee_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestFee" ADD CONSTRAINT "RequestFee_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestFee" ADD CONSTRAINT "RequestFee_settledById_fkey" FOREIGN KEY ("settledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
