-- AlterTable
-- Written by hand: Prisma's generated table rebuild wrote the JSON default unquoted (`DEFAULT []`),
-- which SQLite stores as an empty string. Existing tokens get no permissions (fail closed).
ALTER TABLE "ApiToken" ADD COLUMN "permissions" JSONB NOT NULL DEFAULT '[]';
