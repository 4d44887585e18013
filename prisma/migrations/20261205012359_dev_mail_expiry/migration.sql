-- AlterTable
ALTER TABLE "DevMail" ADD COLUMN     "expiresAt" TIMESTAMP(3);
