CREATE TYPE "public"."authority_key_kind" AS ENUM('root', 'issuing', 'tsa');--> statement-breakpoint
CREATE TYPE "public"."certificate_purpose" AS ENUM('person', 'seal');--> statement-breakpoint
CREATE TYPE "public"."certificate_status" AS ENUM('active', 'revoked', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."signature_image_kind" AS ENUM('signature', 'seal');--> statement-breakpoint
CREATE TYPE "public"."signature_kind" AS ENUM('leader', 'seal');--> statement-breakpoint
CREATE TYPE "public"."trust_anchor_status" AS ENUM('pending', 'approved', 'refused');--> statement-breakpoint
CREATE TABLE "authority_key" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "authority_key_kind" NOT NULL,
	"certificate" "bytea" NOT NULL,
	"sealed_key" "bytea" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_signature" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "signature_kind" NOT NULL,
	"field" text NOT NULL,
	"certificate_id" uuid NOT NULL,
	"signed_by_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signature_image" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" "signature_image_kind" NOT NULL,
	"sha256" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"purpose" "certificate_purpose" NOT NULL,
	"subject_name" text NOT NULL,
	"serial" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"certificate" "bytea" NOT NULL,
	"chain_pem" text NOT NULL,
	"sealed_pkcs12" "bytea" NOT NULL,
	"sealed_activation" "bytea",
	"imported" boolean DEFAULT false NOT NULL,
	"status" "certificate_status" DEFAULT 'active' NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "signing_certificate_holder_ck" CHECK (("signing_certificate"."purpose" = 'seal') = ("signing_certificate"."user_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "trust_anchor" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate" "bytea" NOT NULL,
	"subject_name" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" "trust_anchor_status" DEFAULT 'pending' NOT NULL,
	"added_by_id" uuid NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_signature" ADD CONSTRAINT "document_signature_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signature" ADD CONSTRAINT "document_signature_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signature" ADD CONSTRAINT "document_signature_certificate_id_signing_certificate_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."signing_certificate"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signature" ADD CONSTRAINT "document_signature_signed_by_id_app_user_id_fk" FOREIGN KEY ("signed_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signature" ADD CONSTRAINT "document_signature_sha256_file_blob_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."file_blob"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_image" ADD CONSTRAINT "signature_image_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_image" ADD CONSTRAINT "signature_image_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_image" ADD CONSTRAINT "signature_image_sha256_file_blob_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."file_blob"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificate" ADD CONSTRAINT "signing_certificate_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificate" ADD CONSTRAINT "signing_certificate_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificate" ADD CONSTRAINT "signing_certificate_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_anchor" ADD CONSTRAINT "trust_anchor_added_by_id_app_user_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_anchor" ADD CONSTRAINT "trust_anchor_decided_by_id_app_user_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "authority_key_active_uq" ON "authority_key" USING btree ("kind") WHERE "authority_key"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "document_signature_kind_uq" ON "document_signature" USING btree ("document_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "signature_image_active_uq" ON "signature_image" USING btree ("organisation_id","kind",coalesce("user_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "signature_image"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "signing_certificate_serial_uq" ON "signing_certificate" USING btree ("serial");--> statement-breakpoint
CREATE INDEX "signing_certificate_holder_idx" ON "signing_certificate" USING btree ("organisation_id","user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "trust_anchor_fingerprint_uq" ON "trust_anchor" USING btree ("fingerprint");