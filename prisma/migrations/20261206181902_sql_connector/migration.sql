-- AlterEnum
ALTER TYPE "ConnectorKind" ADD VALUE 'SQL';

-- AlterTable
ALTER TABLE "DataSystem" ADD COLUMN     "connectionSecret" TEXT;
