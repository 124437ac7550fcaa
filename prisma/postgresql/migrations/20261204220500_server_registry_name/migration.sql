-- AlterTable
ALTER TABLE "Server" ADD COLUMN     "registryName" TEXT,
ADD COLUMN     "registryMetadata" JSONB;

-- CreateIndex
CREATE UNIQUE INDEX "Server_registryName_key" ON "Server"("registryName");
