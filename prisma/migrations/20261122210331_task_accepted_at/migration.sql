-- AlterTable
ALTER TABLE "FulfilmentTask" ADD COLUMN     "acceptedAt" TIMESTAMP(3);
