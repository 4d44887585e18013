-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "complaintDeskEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "complaintDeskJa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "securityMeasuresEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "securityMeasuresJa" TEXT NOT NULL DEFAULT '';
