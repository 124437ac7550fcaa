-- AlterTable
ALTER TABLE "Server" ADD COLUMN "healthError" TEXT;
ALTER TABLE "Server" ADD COLUMN "healthLatencyMs" INTEGER;
