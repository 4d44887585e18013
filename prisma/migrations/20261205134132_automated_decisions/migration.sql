-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "automatedDecisionsEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "automatedDecisionsJa" TEXT NOT NULL DEFAULT '';
