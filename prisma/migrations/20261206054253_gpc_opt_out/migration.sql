-- CreateEnum
CREATE TYPE "RestrictionSource" AS ENUM ('REQUEST', 'GPC');

-- AlterTable
ALTER TABLE "Purpose" ADD COLUMN     "gpcOptOut" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Recipient" ADD COLUMN     "gpcOptOut" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "gpcOptOutAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "UseRestriction" ADD COLUMN     "source" "RestrictionSource" NOT NULL DEFAULT 'REQUEST';

-- CreateIndex
CREATE INDEX "Subject_gpcOptOutAt_idx" ON "Subject"("gpcOptOutAt");
