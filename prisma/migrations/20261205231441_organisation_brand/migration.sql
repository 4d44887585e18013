-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "brandColor" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "departmentEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "departmentJa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logoType" TEXT,
ADD COLUMN     "logoUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "portalNameEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "portalNameJa" TEXT NOT NULL DEFAULT '';
