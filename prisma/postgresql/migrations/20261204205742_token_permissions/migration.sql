-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "permissions" JSONB NOT NULL DEFAULT '[]';
