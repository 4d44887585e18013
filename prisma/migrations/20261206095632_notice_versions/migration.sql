-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "noticeSeenVersion" INTEGER;

-- CreateTable
CREATE TABLE "NoticeVersion" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "content" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "needsConsent" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "NoticeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoticeVersion_version_key" ON "NoticeVersion"("version");
