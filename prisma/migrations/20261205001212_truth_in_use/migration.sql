-- AlterTable
ALTER TABLE "LawEnforcementDisclosure" ADD COLUMN     "recordedById" TEXT;

-- AlterTable
ALTER TABLE "Purpose" ADD COLUMN     "suspensionNoteEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "suspensionNoteJa" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ResponsePackage" ADD COLUMN     "gaps" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "sourcesKey" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "DataField" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "labelJa" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataField_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataField_systemId_key_key" ON "DataField"("systemId", "key");

-- AddForeignKey
ALTER TABLE "DataField" ADD CONSTRAINT "DataField_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "DataSystem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LawEnforcementDisclosure" ADD CONSTRAINT "LawEnforcementDisclosure_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
