-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "identityDocumentsNoteEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "identityDocumentsNoteJa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lawEnforcementPolicyEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lawEnforcementPolicyJa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "offlineFilingEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "offlineFilingJa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "processorOversightEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "processorOversightJa" TEXT NOT NULL DEFAULT '';
