-- AlterTable
ALTER TABLE "FulfilmentTask" ADD COLUMN     "awaitingStart" BOOLEAN NOT NULL DEFAULT false;
