-- AlterTable
ALTER TABLE "Recipient" ADD COLUMN     "noticeEmail" TEXT;

-- AlterTable
ALTER TABLE "RecipientNotice" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "items" TEXT[],
ADD COLUMN     "sentTo" TEXT,
ADD COLUMN     "tokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "RecipientNotice_tokenHash_key" ON "RecipientNotice"("tokenHash");

-- AddForeignKey
ALTER TABLE "RecipientNotice" ADD CONSTRAINT "RecipientNotice_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Until now a notice was stamped as sent when it was created, though nothing was sent. Those not
-- yet confirmed were never delivered: they become unsent, for staff to tell the recipient and a
-- manager to close.
UPDATE "RecipientNotice" SET "sentAt" = NULL WHERE "confirmedAt" IS NULL;
