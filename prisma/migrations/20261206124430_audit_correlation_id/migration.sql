-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "correlationId" TEXT;
