-- Recipient groups: named lists of organisations a clerk keeps for the "Kính gửi" of drafts.
-- The unique index serves the organisation's list of groups by name and keeps names apart.
CREATE TABLE "recipient_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"member_ids" uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recipient_group_members_ck" CHECK (cardinality("recipient_group"."member_ids") BETWEEN 1 AND 200)
);
--> statement-breakpoint
ALTER TABLE "recipient_group" ADD CONSTRAINT "recipient_group_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_group" ADD CONSTRAINT "recipient_group_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_group" ADD CONSTRAINT "recipient_group_updated_by_id_app_user_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recipient_group_org_name_uq" ON "recipient_group" USING btree ("organisation_id",lower("name"));