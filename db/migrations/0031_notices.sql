-- Internal notices of an organisation to its staff: the notice (audience as defined, status, version), its attached files, and one recipient row per person reached at publication with when they read, confirmed and were last reminded.
CREATE TYPE "public"."notice_audience_kind" AS ENUM('organisation', 'units', 'people');--> statement-breakpoint
CREATE TYPE "public"."notice_status" AS ENUM('draft', 'published', 'withdrawn');--> statement-breakpoint
CREATE TABLE "notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"publisher_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"audience_kind" "notice_audience_kind" NOT NULL,
	"audience_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"requires_confirmation" boolean DEFAULT false NOT NULL,
	"status" "notice_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "notice_title_ck" CHECK (length("notice"."title") BETWEEN 1 AND 300),
	CONSTRAINT "notice_audience_ck" CHECK (("notice"."audience_kind" = 'organisation' AND cardinality("notice"."audience_unit_ids") = 0 AND cardinality("notice"."audience_user_ids") = 0)
        OR ("notice"."audience_kind" = 'units' AND cardinality("notice"."audience_unit_ids") BETWEEN 1 AND 200 AND cardinality("notice"."audience_user_ids") = 0)
        OR ("notice"."audience_kind" = 'people' AND cardinality("notice"."audience_user_ids") BETWEEN 1 AND 2000 AND cardinality("notice"."audience_unit_ids") = 0)),
	CONSTRAINT "notice_published_ck" CHECK (("notice"."status" = 'draft') = ("notice"."published_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "notice_attachment" (
	"notice_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "notice_attachment_pk" PRIMARY KEY("notice_id","sha256"),
	CONSTRAINT "notice_attachment_name_ck" CHECK (length("notice_attachment"."file_name") BETWEEN 1 AND 255)
);
--> statement-breakpoint
CREATE TABLE "notice_recipient" (
	"notice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "notice_recipient_pk" PRIMARY KEY("notice_id","user_id"),
	CONSTRAINT "notice_recipient_confirm_ck" CHECK ("notice_recipient"."confirmed_at" IS NULL OR "notice_recipient"."read_at" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_publisher_id_app_user_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_attachment" ADD CONSTRAINT "notice_attachment_notice_id_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_attachment" ADD CONSTRAINT "notice_attachment_sha256_file_blob_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."file_blob"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_recipient" ADD CONSTRAINT "notice_recipient_notice_id_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_recipient" ADD CONSTRAINT "notice_recipient_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notice_org_idx" ON "notice" USING btree ("organisation_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notice_attachment_sha_idx" ON "notice_attachment" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "notice_recipient_user_idx" ON "notice_recipient" USING btree ("user_id","read_at");