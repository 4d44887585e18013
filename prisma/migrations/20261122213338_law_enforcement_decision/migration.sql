-- CreateEnum
CREATE TYPE "LawEnforcementDecision" AS ENUM ('DISCLOSED', 'PARTIAL', 'REFUSED');

-- AlterTable
ALTER TABLE "LawEnforcementDisclosure" ADD COLUMN     "decision" "LawEnforcementDecision" NOT NULL DEFAULT 'DISCLOSED';

-- The register wrote its decision as the first line of `note` ("decision:PARTIAL\n…") before
-- this column: move it into the column and keep the rest of the note.
UPDATE "LawEnforcementDisclosure"
SET "decision" = substring(note FROM '^decision:([A-Z]+)')::"LawEnforcementDecision",
    note = CASE WHEN position(E'\n' IN note) > 0 THEN substring(note FROM position(E'\n' IN note) + 1) ELSE '' END
WHERE note ~ '^decision:(DISCLOSED|PARTIAL|REFUSED)(\n|$)';
