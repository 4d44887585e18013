-- AlterEnum
ALTER TYPE "RestrictionSource" ADD VALUE 'NOTICE';

-- AlterTable
ALTER TABLE "DataCategory" ADD COLUMN     "retentionEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "retentionJa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sources" "DataSource"[] DEFAULT ARRAY[]::"DataSource"[];
