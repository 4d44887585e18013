-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RefusalGround" ADD VALUE 'PURPOSE_ALREADY_CLEAR';
ALTER TYPE "RefusalGround" ADD VALUE 'HARM_TO_BUSINESS_INTERESTS';
ALTER TYPE "RefusalGround" ADD VALUE 'STATE_AFFAIRS';
ALTER TYPE "RefusalGround" ADD VALUE 'CCPA_DELETION_EXCEPTION';
