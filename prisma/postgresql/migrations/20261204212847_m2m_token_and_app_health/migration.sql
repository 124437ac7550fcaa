-- AlterTable
ALTER TABLE "M2mAccount" ADD COLUMN     "entraAppCredentials" JSONB,
ADD COLUMN     "entraAppDisplayName" TEXT,
ADD COLUMN     "entraAppError" TEXT,
ADD COLUMN     "entraAppFetchedAt" TIMESTAMP(3),
ADD COLUMN     "lastTokenAt" TIMESTAMP(3),
ADD COLUMN     "lastTokenGroups" JSONB,
ADD COLUMN     "lastTokenOverage" BOOLEAN,
ADD COLUMN     "lastTokenRoles" JSONB,
ADD COLUMN     "lastTokenVersion" INTEGER,
ADD COLUMN     "lastTokenGroupsSource" TEXT,
ADD COLUMN     "entraAppExpiresAt" TIMESTAMP(3);
