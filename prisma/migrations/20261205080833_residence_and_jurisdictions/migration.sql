-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "establishments" "Jurisdiction"[] DEFAULT ARRAY['JP']::"Jurisdiction"[];

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "jurisdictionReasons" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "residenceCountry" TEXT,
ADD COLUMN     "residenceRegion" TEXT;

-- AlterTable
ALTER TABLE "Subject" ADD COLUMN     "residenceCountry" TEXT,
ADD COLUMN     "residenceRegion" TEXT;

-- Requests made before residence was asked answered to the establishment's law only.
UPDATE "Request" SET "jurisdictionReasons" = '{"JP":"ESTABLISHMENT"}' WHERE "jurisdictions" = ARRAY['JP']::"Jurisdiction"[];
