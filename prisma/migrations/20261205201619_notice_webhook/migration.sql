-- AlterTable
ALTER TABLE "Recipient" ADD COLUMN     "noticeWebhookSecret" TEXT,
ADD COLUMN     "noticeWebhookUrl" TEXT;
