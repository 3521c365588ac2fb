-- Serves inbox.list (ordered by its first five columns) and, with the organisation and the
-- returned flag added, inbox.counters as an index-only scan (a leader may hold 15,000 unread
-- copies for information; reading them from the heap took 25 ms at a million documents).
DROP INDEX "document_participant_inbox_idx";--> statement-breakpoint
CREATE INDEX "document_participant_inbox_idx" ON "document_participant" USING btree ("user_id","box","urgency" DESC NULLS LAST,"deadline","document_id","organisation_id","returned");
