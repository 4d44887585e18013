-- AlterEnum
ALTER TYPE "ConnectorKind" ADD VALUE 'EMAIL';

-- AlterTable
ALTER TABLE "FulfilmentTask" ADD COLUMN     "remindedAt" TIMESTAMP(3),
ADD COLUMN     "reminders" INTEGER NOT NULL DEFAULT 0;
