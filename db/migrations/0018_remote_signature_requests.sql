-- Keys held by a remote signing service (the holder approves on their phone) have no PKCS#12
-- here, and a signature asked of such a service waits in signature_request until it answers.
CREATE TYPE "public"."signature_request_status" AS ENUM('pending', 'completed', 'refused', 'expired', 'stale', 'cancelled');--> statement-breakpoint
CREATE TABLE "signature_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "signature_kind" NOT NULL,
	"certificate_id" uuid NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"draft_version" integer NOT NULL,
	"step_id" uuid NOT NULL,
	"field" text NOT NULL,
	"page_count" integer NOT NULL,
	"prepared_sha256" text,
	"byte_range" integer[] NOT NULL,
	"signed_attributes" "bytea" NOT NULL,
	"signer_name" text NOT NULL,
	"provider" text NOT NULL,
	"reference" text NOT NULL,
	"status" "signature_request_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"requested_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "signing_certificate" ALTER COLUMN "sealed_pkcs12" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signing_certificate" ADD COLUMN "remote_provider" text;--> statement-breakpoint
ALTER TABLE "signing_certificate" ADD COLUMN "remote_key_id" text;--> statement-breakpoint
ALTER TABLE "signature_request" ADD CONSTRAINT "signature_request_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_request" ADD CONSTRAINT "signature_request_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_request" ADD CONSTRAINT "signature_request_certificate_id_signing_certificate_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."signing_certificate"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_request" ADD CONSTRAINT "signature_request_requested_by_id_app_user_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_request" ADD CONSTRAINT "signature_request_prepared_sha256_file_blob_sha256_fk" FOREIGN KEY ("prepared_sha256") REFERENCES "public"."file_blob"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signature_request_pending_uq" ON "signature_request" USING btree ("document_id","kind") WHERE "signature_request"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "signature_request_reference_uq" ON "signature_request" USING btree ("provider","reference");--> statement-breakpoint
CREATE INDEX "signature_request_status_idx" ON "signature_request" USING btree ("status","expires_at");--> statement-breakpoint
ALTER TABLE "signing_certificate" ADD CONSTRAINT "signing_certificate_key_ck" CHECK (("signing_certificate"."sealed_pkcs12" IS NULL) = ("signing_certificate"."remote_provider" IS NOT NULL AND "signing_certificate"."remote_key_id" IS NOT NULL));