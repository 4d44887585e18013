-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "ackDueAt" TIMESTAMP(3);

-- Requests filed before this column got their acknowledgement mail with the request: those filed
-- on the web, and those staff entered for a person who asked themselves and left an address.
UPDATE "Request" r SET "acknowledgedAt" = r."receivedAt"
WHERE r."acknowledgedAt" IS NULL AND (r.channel = 'WEB' OR (r."filerRole" = 'SELF' AND EXISTS (
  SELECT 1 FROM "Subject" s WHERE s.id = r."subjectId" AND s.email IS NOT NULL)));
