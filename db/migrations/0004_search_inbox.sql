-- Search: joiners of numbers and notations ("15/QĐ-UBND", "36-HD/VPTW", "1.500") become spaces, so a
-- typed "15/QĐ-UBND" matches as the phrase 15 <-> qd <-> ubnd (see searchTsQuery in
-- server/search/documents.ts). SET EXPRESSION (PostgreSQL 17+) rewrites the column in place.
DROP INDEX "document_search_idx";--> statement-breakpoint
ALTER TABLE "document" ALTER COLUMN "search_vector" SET EXPRESSION AS (to_tsvector('simple', translate(f_unaccent(lower(
        coalesce("document"."subject", '') || ' ' ||
        coalesce("document"."code_number", '') || ' ' ||
        coalesce("document"."code_notation", '') || ' ' ||
        coalesce("document"."issuer_name", '') || ' ' ||
        coalesce("document"."signer_name", '') || ' ' ||
        coalesce("document"."content_text", ''))), '/-.@_', '     ')));--> statement-breakpoint
-- btree_gin lets one GIN index hold the organisation beside the words: search.documents finds a
-- rare word among one organisation's documents without intersecting two indexes.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX "document_org_search_idx" ON "document" USING gin ("organisation_id","search_vector");--> statement-breakpoint
-- Serves search.documents: results newest arrival first, keyset on (arrival date, number, id).
CREATE INDEX "document_org_search_order_idx" ON "document" USING btree ("organisation_id","direction",coalesce("arrival_date", 'infinity'::date),coalesce("registry_number", 2147483647),"id");
