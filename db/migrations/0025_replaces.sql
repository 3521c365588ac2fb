-- A document names the one it replaces, at the sender and at each recipient (edXML BussinessDocType 3).
ALTER TABLE "document" ADD COLUMN "replaces_document_id" uuid;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_replaces_document_id_document_id_fk" FOREIGN KEY ("replaces_document_id") REFERENCES "public"."document"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_replaces_idx" ON "document" USING btree ("replaces_document_id") WHERE "document"."replaces_document_id" IS NOT NULL;