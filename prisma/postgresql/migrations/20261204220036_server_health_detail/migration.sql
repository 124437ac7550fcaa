-- AlterTable
ALTER TABLE "Server" ADD COLUMN     "healthError" TEXT,
ADD COLUMN     "healthLatencyMs" INTEGER;
