-- CreateTable
CREATE TABLE "RegistryState" (
    "id" INTEGER NOT NULL,
    "iamGeneration" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RegistryState_pkey" PRIMARY KEY ("id")
);

-- The single state row.
INSERT INTO "RegistryState" ("id", "iamGeneration") VALUES (1, 0);
