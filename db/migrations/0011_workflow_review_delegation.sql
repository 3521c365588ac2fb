ALTER TYPE "public"."assignment_status" ADD VALUE 'submitted' BEFORE 'completed';--> statement-breakpoint
ALTER TYPE "public"."document_file_kind" ADD VALUE 'result';--> statement-breakpoint
ALTER TYPE "public"."inbox_box" ADD VALUE 'to_review' BEFORE 'handled';--> statement-breakpoint
ALTER TYPE "public"."participant_kind" ADD VALUE 'reviewer';--> statement-breakpoint
ALTER TYPE "public"."participant_kind" ADD VALUE 'delegate';--> statement-breakpoint
CREATE TABLE "delegation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "delegation_period_ck" CHECK ("delegation"."starts_on" <= "delegation"."ends_on"),
	CONSTRAINT "delegation_other_ck" CHECK ("delegation"."from_user_id" <> "delegation"."to_user_id")
);
--> statement-breakpoint
CREATE TABLE "direction_phrase" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "direction_phrase_text_ck" CHECK (length("direction_phrase"."text") BETWEEN 1 AND 500)
);
--> statement-breakpoint
ALTER TABLE "assignment" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "issuer_deadline" date;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_from_user_id_app_user_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_to_user_id_app_user_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direction_phrase" ADD CONSTRAINT "direction_phrase_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegation_to_idx" ON "delegation" USING btree ("to_user_id","ends_on");--> statement-breakpoint
CREATE INDEX "delegation_from_idx" ON "delegation" USING btree ("from_user_id","ends_on");--> statement-breakpoint
CREATE INDEX "direction_phrase_user_idx" ON "direction_phrase" USING btree ("user_id","position");--> statement-breakpoint
-- Until now one deadline served both: it held the issuer's until a leader directed the document
-- and the lead part's after. Undirected documents still hold the issuer's; for the others it is
-- no longer known and stays empty.
UPDATE "document" d SET "issuer_deadline" = d."deadline"
WHERE d."deadline" IS NOT NULL AND NOT EXISTS (
	SELECT 1 FROM "document_event" e
	WHERE e."document_id" = d."id" AND e."action" IN ('directed', 'redirected')
);
