-- AlterTable
ALTER TABLE "ItemRedaction" ADD COLUMN     "ground" "RefusalGround";
