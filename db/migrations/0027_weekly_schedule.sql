-- Weekly work schedule (lịch công tác tuần): one sheet per organisation (leadership, unit null)
-- or unit and ISO week, unique with NULLS NOT DISTINCT so two offices creating the same week at
-- once end with one; its entries by day and session, and the changes made after publication.
-- schedule_entry_sheet_idx serves a sheet in printed order; schedule_entry_org_day_idx and the
-- GIN index on participant_user_ids serve a person's calendar and today's entries.
CREATE TYPE "public"."schedule_change_kind" AS ENUM('added', 'edited', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."schedule_session" AS ENUM('morning', 'afternoon');--> statement-breakpoint
CREATE TYPE "public"."schedule_status" AS ENUM('draft', 'submitted', 'published');--> statement-breakpoint
CREATE TABLE "schedule_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "schedule_change_kind" NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"changed_by_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sheet_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"session" "schedule_session" NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time,
	"content" text NOT NULL,
	"chair_user_id" uuid,
	"chair_text" text,
	"participant_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"participant_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"participant_text" text,
	"location" text,
	"preparing_unit_id" uuid,
	"preparing_text" text,
	"notes" text,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_entry_end_ck" CHECK ("schedule_entry"."end_time" IS NULL OR "schedule_entry"."end_time" > "schedule_entry"."start_time"),
	CONSTRAINT "schedule_entry_content_ck" CHECK (length("schedule_entry"."content") BETWEEN 1 AND 2000),
	CONSTRAINT "schedule_entry_chair_ck" CHECK (NOT ("schedule_entry"."chair_user_id" IS NOT NULL AND "schedule_entry"."chair_text" IS NOT NULL)),
	CONSTRAINT "schedule_entry_preparing_ck" CHECK (NOT ("schedule_entry"."preparing_unit_id" IS NOT NULL AND "schedule_entry"."preparing_text" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "schedule_sheet" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" uuid,
	"year" integer NOT NULL,
	"week" integer NOT NULL,
	"week_start" date NOT NULL,
	"status" "schedule_status" DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by_id" uuid,
	"submitted_at" timestamp with time zone,
	"published_by_id" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "schedule_sheet_week_uq" UNIQUE NULLS NOT DISTINCT("organisation_id","unit_id","year","week"),
	CONSTRAINT "schedule_sheet_week_ck" CHECK ("schedule_sheet"."week" BETWEEN 1 AND 53),
	CONSTRAINT "schedule_sheet_year_ck" CHECK ("schedule_sheet"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "schedule_sheet_monday_ck" CHECK (extract(isodow from "schedule_sheet"."week_start") = 1),
	CONSTRAINT "schedule_sheet_week_start_ck" CHECK (extract(isoyear from "schedule_sheet"."week_start") = "schedule_sheet"."year" AND extract(week from "schedule_sheet"."week_start") = "schedule_sheet"."week")
);
--> statement-breakpoint
ALTER TABLE "schedule_change" ADD CONSTRAINT "schedule_change_sheet_id_schedule_sheet_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."schedule_sheet"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_change" ADD CONSTRAINT "schedule_change_entry_id_schedule_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."schedule_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_change" ADD CONSTRAINT "schedule_change_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_change" ADD CONSTRAINT "schedule_change_changed_by_id_app_user_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_sheet_id_schedule_sheet_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."schedule_sheet"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_chair_user_id_app_user_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_preparing_unit_id_unit_id_fk" FOREIGN KEY ("preparing_unit_id") REFERENCES "public"."unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_sheet" ADD CONSTRAINT "schedule_sheet_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_sheet" ADD CONSTRAINT "schedule_sheet_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_sheet" ADD CONSTRAINT "schedule_sheet_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_sheet" ADD CONSTRAINT "schedule_sheet_submitted_by_id_app_user_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_sheet" ADD CONSTRAINT "schedule_sheet_published_by_id_app_user_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schedule_change_entry_idx" ON "schedule_change" USING btree ("entry_id","changed_at");--> statement-breakpoint
CREATE INDEX "schedule_entry_sheet_idx" ON "schedule_entry" USING btree ("sheet_id","day","session","start_time");--> statement-breakpoint
CREATE INDEX "schedule_entry_org_day_idx" ON "schedule_entry" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "schedule_entry_participants_idx" ON "schedule_entry" USING gin ("participant_user_ids");