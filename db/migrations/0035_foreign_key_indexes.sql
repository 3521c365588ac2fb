-- Indexes under three foreign keys to document that had none: removing a document checked each
-- of them by reading the whole table (its notifications, the documents naming it as their reply,
-- its exchange messages).
CREATE INDEX "document_reply_idx" ON "document" USING btree ("reply_document_id") WHERE "document"."reply_document_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "exchange_outbox_document_idx" ON "exchange_outbox" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "notification_document_idx" ON "notification" USING btree ("document_id") WHERE "notification"."document_id" IS NOT NULL;
