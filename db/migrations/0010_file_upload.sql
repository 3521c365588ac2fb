-- A hash is not a right to a file: file_upload records who uploaded each blob, and only they
-- (or someone who can already see a document carrying it) may attach it. Blobs uploaded before
-- this migration have no uploader; they stay attachable only through the documents they are on.
CREATE TABLE "file_upload" (
	"sha256" text NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_upload_pk" PRIMARY KEY("sha256","user_id")
);
--> statement-breakpoint
ALTER TABLE "file_upload" ADD CONSTRAINT "file_upload_sha256_file_blob_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."file_blob"("sha256") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_upload" ADD CONSTRAINT "file_upload_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_upload" ADD CONSTRAINT "file_upload_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "file_upload_user_idx" ON "file_upload" USING btree ("user_id");--> statement-breakpoint
-- Is this blob on a document the caller may see (server/files/ownership.ts), and the orphan sweep.
CREATE INDEX "document_file_sha_idx" ON "document_file" USING btree ("sha256");