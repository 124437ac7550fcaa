-- AlterTable
ALTER TABLE "M2mAccount" ADD COLUMN "entraAppCredentials" JSONB;
ALTER TABLE "M2mAccount" ADD COLUMN "entraAppDisplayName" TEXT;
ALTER TABLE "M2mAccount" ADD COLUMN "entraAppError" TEXT;
ALTER TABLE "M2mAccount" ADD COLUMN "entraAppFetchedAt" DATETIME;
ALTER TABLE "M2mAccount" ADD COLUMN "lastTokenAt" DATETIME;
ALTER TABLE "M2mAccount" ADD COLUMN "lastTokenGroups" JSONB;
ALTER TABLE "M2mAccount" ADD COLUMN "lastTokenOverage" BOOLEAN;
ALTER TABLE "M2mAccount" ADD COLUMN "lastTokenRoles" JSONB;
ALTER TABLE "M2mAccount" ADD COLUMN "lastTokenVersion" INTEGER;
ALTER TABLE "M2mAccount" ADD COLUMN "lastTokenGroupsSource" TEXT;
ALTER TABLE "M2mAccount" ADD COLUMN "entraAppExpiresAt" DATETIME;
