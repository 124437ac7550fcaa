-- CreateTable
CREATE TABLE "RegistryState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "iamGeneration" INTEGER NOT NULL DEFAULT 0
);

-- The single state row.
INSERT INTO "RegistryState" ("id", "iamGeneration") VALUES (1, 0);
