CREATE TYPE "public"."assignment_role" AS ENUM('lead', 'co', 'info');--> statement-breakpoint
CREATE TYPE "public"."assignment_status" AS ENUM('pending', 'in_progress', 'completed', 'returned', 'read', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."confidentiality" AS ENUM('normal', 'confidential', 'secret', 'top_secret');--> statement-breakpoint
CREATE TYPE "public"."document_direction" AS ENUM('incoming', 'outgoing', 'internal');--> statement-breakpoint
CREATE TYPE "public"."document_file_kind" AS ENUM('main', 'attachment', 'progress');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('received', 'registered', 'presented', 'in_progress', 'returned', 'completed', 'returned_to_sender');--> statement-breakpoint
CREATE TYPE "public"."document_type" AS ENUM('nghi_quyet', 'quyet_dinh', 'chi_thi', 'quy_che', 'quy_dinh', 'thong_cao', 'thong_bao', 'huong_dan', 'chuong_trinh', 'ke_hoach', 'phuong_an', 'de_an', 'du_an', 'bao_cao', 'bien_ban', 'to_trinh', 'hop_dong', 'cong_dien', 'ban_ghi_nho', 'ban_thoa_thuan', 'giay_uy_quyen', 'giay_moi', 'giay_gioi_thieu', 'giay_nghi_phep', 'phieu_gui', 'phieu_chuyen', 'phieu_bao', 'cong_van', 'thu_cong', 'ban_sao_y', 'ban_trich_sao', 'ban_sao_luc');--> statement-breakpoint
CREATE TYPE "public"."extension_status" AS ENUM('pending', 'approved', 'refused');--> statement-breakpoint
CREATE TYPE "public"."inbox_box" AS ENUM('to_direct', 'to_handle', 'handled', 'info_unread', 'info_read', 'none');--> statement-breakpoint
CREATE TYPE "public"."participant_kind" AS ENUM('registrar', 'presented', 'director', 'lead', 'co', 'info', 'unit_head', 'granted');--> statement-breakpoint
CREATE TYPE "public"."reception_channel" AS ENUM('paper', 'electronic', 'exchange', 'email', 'fax');--> statement-breakpoint
CREATE TYPE "public"."urgency" AS ENUM('normal', 'urgent', 'very_urgent', 'flash');--> statement-breakpoint
CREATE TYPE "public"."registry_kind" AS ENUM('incoming', 'outgoing', 'copy', 'secret');--> statement-breakpoint
CREATE TYPE "public"."registry_period_kind" AS ENUM('year', 'term');--> statement-breakpoint
CREATE TABLE "assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "assignment_role" NOT NULL,
	"unit_id" uuid,
	"user_id" uuid,
	"parent_id" uuid,
	"assigned_by_id" uuid NOT NULL,
	"deadline" date,
	"status" "assignment_status" DEFAULT 'pending' NOT NULL,
	"result" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_target_ck" CHECK (num_nonnulls("assignment"."unit_id", "assignment"."user_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"direction" "document_direction" NOT NULL,
	"status" "document_status" NOT NULL,
	"registry_id" uuid,
	"registry_period" text,
	"registry_number" integer,
	"registered_at" timestamp with time zone,
	"arrival_date" date,
	"code_number" text,
	"code_notation" text,
	"document_type" "document_type" NOT NULL,
	"subject" text NOT NULL,
	"document_date" date,
	"issuer_organisation_id" uuid,
	"issuer_name" text NOT NULL,
	"issuer_code" text,
	"signer_name" text,
	"urgency" "urgency" DEFAULT 'normal' NOT NULL,
	"confidentiality" "confidentiality" DEFAULT 'normal' NOT NULL,
	"page_count" integer,
	"deadline" date,
	"received_via" "reception_channel" DEFAULT 'paper' NOT NULL,
	"notes" text,
	"content_text" text,
	"presented_to_id" uuid,
	"presented_at" timestamp with time zone,
	"result" text,
	"completed_at" timestamp with time zone,
	"reply_document_id" uuid,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', f_unaccent(lower(
        coalesce("document"."subject", '') || ' ' ||
        coalesce("document"."code_number", '') || ' ' ||
        coalesce("document"."code_number", '') || '/' || coalesce("document"."code_notation", '') || ' ' ||
        replace(coalesce("document"."code_notation", ''), '-', ' ') || ' ' ||
        coalesce("document"."issuer_name", '') || ' ' ||
        coalesce("document"."signer_name", '') || ' ' ||
        coalesce("document"."content_text", ''))))) STORED,
	CONSTRAINT "document_registry_ck" CHECK (("document"."registry_number" IS NULL) = ("document"."registry_id" IS NULL) AND ("document"."registry_number" IS NULL) = ("document"."registry_period" IS NULL)),
	CONSTRAINT "document_subject_ck" CHECK (length("document"."subject") BETWEEN 1 AND 2000),
	CONSTRAINT "document_page_count_ck" CHECK ("document"."page_count" IS NULL OR "document"."page_count" BETWEEN 1 AND 100000)
);
--> statement-breakpoint
CREATE TABLE "document_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" "document_status",
	"to_status" "document_status",
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"kind" "document_file_kind" NOT NULL,
	"uploaded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_participant" (
	"document_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "participant_kind" NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assignment_id" uuid,
	"box" "inbox_box" NOT NULL,
	"urgency" "urgency" NOT NULL,
	"deadline" date DEFAULT 'infinity' NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_participant_pk" PRIMARY KEY("document_id","user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "extension_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"current_deadline" date,
	"requested_deadline" date NOT NULL,
	"reason" text NOT NULL,
	"status" "extension_status" DEFAULT 'pending' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_blob" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"text_content" text,
	"page_count" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_blob_sha_ck" CHECK ("file_blob"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "file_blob_size_ck" CHECK ("file_blob"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_id" uuid,
	"message_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "registry_kind" NOT NULL,
	"name" text NOT NULL,
	"period_kind" "registry_period_kind" DEFAULT 'year' NOT NULL,
	"term_start_year" integer,
	"term_years" integer,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_term_ck" CHECK ("registry"."period_kind" = 'year' OR ("registry"."term_start_year" IS NOT NULL AND "registry"."term_years" BETWEEN 1 AND 10))
);
--> statement-breakpoint
CREATE TABLE "registry_period" (
	"registry_id" uuid NOT NULL,
	"period" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "registry_period_pk" PRIMARY KEY("registry_id","period"),
	CONSTRAINT "registry_period_last_ck" CHECK ("registry_period"."last_number" >= 0)
);
--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_parent_id_assignment_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_assigned_by_id_app_user_id_fk" FOREIGN KEY ("assigned_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_registry_id_registry_id_fk" FOREIGN KEY ("registry_id") REFERENCES "public"."registry"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_issuer_organisation_id_organisation_id_fk" FOREIGN KEY ("issuer_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_presented_to_id_app_user_id_fk" FOREIGN KEY ("presented_to_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_reply_document_id_document_id_fk" FOREIGN KEY ("reply_document_id") REFERENCES "public"."document"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_event" ADD CONSTRAINT "document_event_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_event" ADD CONSTRAINT "document_event_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_event" ADD CONSTRAINT "document_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_file" ADD CONSTRAINT "document_file_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_file" ADD CONSTRAINT "document_file_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_file" ADD CONSTRAINT "document_file_sha256_file_blob_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."file_blob"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_file" ADD CONSTRAINT "document_file_uploaded_by_id_app_user_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_participant" ADD CONSTRAINT "document_participant_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_participant" ADD CONSTRAINT "document_participant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_participant" ADD CONSTRAINT "document_participant_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_participant" ADD CONSTRAINT "document_participant_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_assignment_id_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_requested_by_id_app_user_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_request" ADD CONSTRAINT "extension_request_decided_by_id_app_user_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry" ADD CONSTRAINT "registry_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_period" ADD CONSTRAINT "registry_period_registry_id_registry_id_fk" FOREIGN KEY ("registry_id") REFERENCES "public"."registry"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_document_idx" ON "assignment" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "assignment_open_deadline_idx" ON "assignment" USING btree ("deadline") WHERE "assignment"."status" IN ('pending', 'in_progress') AND "assignment"."deadline" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "document_registry_number_uq" ON "document" USING btree ("registry_id","registry_period","registry_number") WHERE "document"."registry_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "document_org_status_idx" ON "document" USING btree ("organisation_id","status","registered_at");--> statement-breakpoint
CREATE INDEX "document_org_arrival_idx" ON "document" USING btree ("organisation_id","direction","arrival_date","registry_number");--> statement-breakpoint
CREATE INDEX "document_org_code_idx" ON "document" USING btree ("organisation_id",lower("code_notation"),"code_number");--> statement-breakpoint
CREATE INDEX "document_search_idx" ON "document" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "document_event_document_idx" ON "document_event" USING btree ("document_id","id");--> statement-breakpoint
CREATE INDEX "document_file_document_idx" ON "document_file" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "document_participant_inbox_idx" ON "document_participant" USING btree ("user_id","box","urgency" DESC NULLS LAST,"deadline","document_id");--> statement-breakpoint
CREATE INDEX "extension_request_document_idx" ON "extension_request" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "extension_request_open_uq" ON "extension_request" USING btree ("assignment_id") WHERE "extension_request"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notification_unread_idx" ON "notification" USING btree ("user_id") WHERE "notification"."read_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_dedupe_uq" ON "notification" USING btree ("user_id","dedupe_key") WHERE "notification"."dedupe_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_org_name_uq" ON "registry" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "registry_default_uq" ON "registry" USING btree ("organisation_id","kind") WHERE "registry"."is_default";