-- AlterTable
ALTER TABLE "DataSystem" ADD COLUMN     "lastTestProblem" TEXT,
ADD COLUMN     "lastTestedAt" TIMESTAMP(3);
