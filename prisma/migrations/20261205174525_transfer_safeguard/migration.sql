-- CreateEnum
CREATE TYPE "TransferSafeguard" AS ENUM ('ADEQUACY', 'STANDARD_CLAUSES', 'BINDING_CORPORATE_RULES', 'CODE_OR_CERTIFICATION', 'DEROGATION');

-- AlterTable
ALTER TABLE "Recipient" ADD COLUMN     "transferSafeguard" "TransferSafeguard";
