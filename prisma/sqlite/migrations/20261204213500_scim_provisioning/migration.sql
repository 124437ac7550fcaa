-- AlterTable
ALTER TABLE "User" ADD COLUMN "deprovisionedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "userName" TEXT;

-- CreateTable
CREATE TABLE "ProvisioningToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "stub" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DirectoryGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "externalId" TEXT,
    "displayName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DirectoryGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "DirectoryGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DirectoryGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DirectoryGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ProvisioningToken_secretHash_key" ON "ProvisioningToken"("secretHash");

-- CreateIndex
CREATE INDEX "ProvisioningToken_createdAt_id_idx" ON "ProvisioningToken"("createdAt", "id");

-- CreateIndex
CREATE INDEX "DirectoryGroup_tenantId_externalId_idx" ON "DirectoryGroup"("tenantId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryGroup_tenantId_displayName_key" ON "DirectoryGroup"("tenantId", "displayName");

-- CreateIndex
CREATE INDEX "DirectoryGroupMember_userId_idx" ON "DirectoryGroupMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_tenantId_userName_key" ON "User"("tenantId", "userName");


