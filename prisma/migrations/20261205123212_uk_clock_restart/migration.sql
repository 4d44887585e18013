-- AlterEnum
ALTER TYPE "ClockEventKind" ADD VALUE 'RESTART';
