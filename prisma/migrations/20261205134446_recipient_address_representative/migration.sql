-- AlterTable
ALTER TABLE "Recipient" ADD COLUMN     "address" TEXT,
ADD COLUMN     "representative" TEXT;
