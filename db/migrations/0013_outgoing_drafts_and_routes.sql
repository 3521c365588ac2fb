CREATE TYPE "public"."approval_decision" AS ENUM('pending', 'approved', 'returned', 'refused');--> statement-breakpoint
CREATE TYPE "public"."approval_rule" AS ENUM('all', 'any');--> statement-breakpoint
CREATE TYPE "public"."approval_step_kind" AS ENUM('review', 'format_check', 'sign');--> statement-breakpoint
CREATE TYPE "public"."approval_step_status" AS ENUM('waiting', 'active', 'approved', 'returned', 'refused');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending');--> statement-breakpoint
CREATE TYPE "public"."signing_authority" AS ENUM('none', 'tm', 'kt', 'q', 'tl', 'tuq');--> statement-breakpoint
ALTER TYPE "public"."document_status" ADD VALUE 'draft';--> statement-breakpoint
ALTER TYPE "public"."document_status" ADD VALUE 'on_route';--> statement-breakpoint
ALTER TYPE "public"."document_status" ADD VALUE 'returned_to_drafter';--> statement-breakpoint
ALTER TYPE "public"."document_status" ADD VALUE 'signed';--> statement-breakpoint
ALTER TYPE "public"."document_status" ADD VALUE 'issued';--> statement-breakpoint
ALTER TYPE "public"."document_status" ADD VALUE 'refused';--> statement-breakpoint
ALTER TYPE "public"."inbox_box" ADD VALUE 'drafting';--> statement-breakpoint
ALTER TYPE "public"."inbox_box" ADD VALUE 'draft_returned';--> statement-breakpoint
ALTER TYPE "public"."inbox_box" ADD VALUE 'draft_review';--> statement-breakpoint
ALTER TYPE "public"."inbox_box" ADD VALUE 'to_sign';--> statement-breakpoint
ALTER TYPE "public"."inbox_box" ADD VALUE 'to_issue';--> statement-breakpoint
ALTER TYPE "public"."participant_kind" ADD VALUE 'drafter';--> statement-breakpoint
ALTER TYPE "public"."participant_kind" ADD VALUE 'approver';--> statement-breakpoint
ALTER TYPE "public"."participant_kind" ADD VALUE 'issuing_clerk';--> statement-breakpoint
ALTER TYPE "public"."participant_kind" ADD VALUE 'distributed';--> statement-breakpoint
CREATE TABLE "approval_member" (
	"step_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"decision" "approval_decision" DEFAULT 'pending' NOT NULL,
	"comment" text,
	"version_number" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "approval_member_pk" PRIMARY KEY("step_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "approval_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "approval_step_kind" NOT NULL,
	"rule" "approval_rule" DEFAULT 'all' NOT NULL,
	"status" "approval_step_status" DEFAULT 'waiting' NOT NULL,
	"version_number" integer,
	"started_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "approval_step_position_ck" CHECK ("approval_step"."position" BETWEEN 1 AND 20)
);
--> statement-breakpoint
CREATE TABLE "delivery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recipient_organisation_id" uuid,
	"recipient_name" text NOT NULL,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draft_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draft_comment_body_ck" CHECK (length("draft_comment"."body") BETWEEN 1 AND 4000)
);
--> statement-breakpoint
CREATE TABLE "draft_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_draft" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"drafting_unit_id" uuid,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"copies_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signer_id" uuid,
	"signing_authority" "signing_authority" DEFAULT 'none' NOT NULL,
	"signer_title" text,
	"answers_document_id" uuid,
	"current_version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "route_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"steps" jsonb NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "approval_member" ADD CONSTRAINT "approval_member_step_id_approval_step_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."approval_step"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_member" ADD CONSTRAINT "approval_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_member" ADD CONSTRAINT "approval_member_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_step" ADD CONSTRAINT "approval_step_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_step" ADD CONSTRAINT "approval_step_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_recipient_organisation_id_organisation_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comment" ADD CONSTRAINT "draft_comment_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comment" ADD CONSTRAINT "draft_comment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comment" ADD CONSTRAINT "draft_comment_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_version" ADD CONSTRAINT "draft_version_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_version" ADD CONSTRAINT "draft_version_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_version" ADD CONSTRAINT "draft_version_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_draft" ADD CONSTRAINT "outgoing_draft_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_draft" ADD CONSTRAINT "outgoing_draft_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_draft" ADD CONSTRAINT "outgoing_draft_drafting_unit_id_unit_id_fk" FOREIGN KEY ("drafting_unit_id") REFERENCES "public"."unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_draft" ADD CONSTRAINT "outgoing_draft_signer_id_app_user_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_draft" ADD CONSTRAINT "outgoing_draft_answers_document_id_document_id_fk" FOREIGN KEY ("answers_document_id") REFERENCES "public"."document"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_template" ADD CONSTRAINT "route_template_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_template" ADD CONSTRAINT "route_template_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_member_document_idx" ON "approval_member" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_step_position_uq" ON "approval_step" USING btree ("document_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_step_active_uq" ON "approval_step" USING btree ("document_id") WHERE "approval_step"."status" = 'active';--> statement-breakpoint
CREATE INDEX "delivery_document_idx" ON "delivery" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_recipient_uq" ON "delivery" USING btree ("document_id","recipient_organisation_id") WHERE "delivery"."recipient_organisation_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "draft_comment_document_idx" ON "draft_comment" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "draft_version_number_uq" ON "draft_version" USING btree ("document_id","number");--> statement-breakpoint
CREATE INDEX "outgoing_draft_answers_idx" ON "outgoing_draft" USING btree ("answers_document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "route_template_org_name_uq" ON "route_template" USING btree ("organisation_id",lower("name"));