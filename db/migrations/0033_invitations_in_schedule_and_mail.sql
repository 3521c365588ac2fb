-- Invitations connect: a schedule entry remembers the invitation or meeting occurrence it was made from (one live entry per sheet for each); a queued mail may carry its meeting's iCalendar invitation.
ALTER TABLE "mail_outbox" ADD COLUMN "calendar" text;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD COLUMN "source_document_id" uuid;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD COLUMN "source_meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD COLUMN "source_occurrence" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_source_document_id_document_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."document"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_source_meeting_id_meeting_id_fk" FOREIGN KEY ("source_meeting_id") REFERENCES "public"."meeting"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_entry_document_uq" ON "schedule_entry" USING btree ("sheet_id","source_document_id") WHERE "schedule_entry"."source_document_id" IS NOT NULL AND "schedule_entry"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_entry_meeting_uq" ON "schedule_entry" USING btree ("sheet_id","source_meeting_id","source_occurrence") WHERE "schedule_entry"."source_meeting_id" IS NOT NULL AND "schedule_entry"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE INDEX "schedule_entry_source_document_idx" ON "schedule_entry" USING btree ("source_document_id") WHERE "schedule_entry"."source_document_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "schedule_entry_source_meeting_idx" ON "schedule_entry" USING btree ("source_meeting_id") WHERE "schedule_entry"."source_meeting_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_source_ck" CHECK (NOT ("schedule_entry"."source_document_id" IS NOT NULL AND "schedule_entry"."source_meeting_id" IS NOT NULL) AND ("schedule_entry"."source_meeting_id" IS NULL) = ("schedule_entry"."source_occurrence" IS NULL));