-- CreateTable
CREATE TABLE "ServerUpstreamCredential" (
    "serverId" TEXT NOT NULL,
    "headerNames" JSONB NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "ServerUpstreamCredential_pkey" PRIMARY KEY ("serverId")
);

-- CreateTable
CREATE TABLE "GatewayUsage" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "principalKind" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "principalName" TEXT NOT NULL,
    "serverSlug" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "requestId" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "GatewayUsage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GatewayUsage_at_id_idx" ON "GatewayUsage"("at", "id");

-- CreateIndex
CREATE INDEX "GatewayUsage_principalId_at_idx" ON "GatewayUsage"("principalId", "at");

-- CreateIndex
CREATE INDEX "GatewayUsage_serverSlug_at_idx" ON "GatewayUsage"("serverSlug", "at");

-- CreateIndex
CREATE INDEX "GatewayUsage_outcome_at_idx" ON "GatewayUsage"("outcome", "at");

-- AddForeignKey
ALTER TABLE "ServerUpstreamCredential" ADD CONSTRAINT "ServerUpstreamCredential_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;
