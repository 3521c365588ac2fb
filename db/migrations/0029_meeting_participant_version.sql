-- A participant answer carries a version: accepting or declining goes through the workflow engine,
-- which refuses an answer given on a stale view.
ALTER TABLE "meeting_participant" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;