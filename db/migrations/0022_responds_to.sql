-- A document that arrived names the sender's own document it answers (edXML ResponseFor).
ALTER TABLE "document" ADD COLUMN "responds_to_document_id" uuid;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_responds_to_document_id_document_id_fk" FOREIGN KEY ("responds_to_document_id") REFERENCES "public"."document"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_responds_to_idx" ON "document" USING btree ("responds_to_document_id") WHERE "document"."responds_to_document_id" IS NOT NULL;