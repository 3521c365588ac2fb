-- Exchange between deployments: the peers that host organisations of the tree, the outbox drained
-- by a job with retries, the inbox that makes receiving idempotent, and where an arrived copy's
-- statuses go back to.
CREATE TYPE "public"."exchange_message_kind" AS ENUM('document', 'status');--> statement-breakpoint
CREATE TYPE "public"."exchange_outbox_state" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "exchange_arrival" (
	"incoming_document_id" uuid PRIMARY KEY NOT NULL,
	"peer_id" uuid NOT NULL,
	"remote_document_id" text NOT NULL,
	"sender_code" text NOT NULL,
	"code_number" text,
	"code_notation" text,
	"document_date" text
);
--> statement-breakpoint
CREATE TABLE "exchange_inbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"peer_id" uuid NOT NULL,
	"kind" "exchange_message_kind" NOT NULL,
	"message_key" text NOT NULL,
	"document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"peer_id" uuid NOT NULL,
	"kind" "exchange_message_kind" NOT NULL,
	"message_key" text NOT NULL,
	"document_id" uuid NOT NULL,
	"recipient_codes" text[],
	"status_code" text,
	"description" text,
	"staff_name" text,
	"state" "exchange_outbox_state" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"retried_by_id" uuid,
	"retried_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_peer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"root_certificate" "bytea" NOT NULL,
	"fingerprint" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "peer_id" uuid;--> statement-breakpoint
ALTER TABLE "exchange_arrival" ADD CONSTRAINT "exchange_arrival_incoming_document_id_document_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."document"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_arrival" ADD CONSTRAINT "exchange_arrival_peer_id_exchange_peer_id_fk" FOREIGN KEY ("peer_id") REFERENCES "public"."exchange_peer"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_inbox" ADD CONSTRAINT "exchange_inbox_peer_id_exchange_peer_id_fk" FOREIGN KEY ("peer_id") REFERENCES "public"."exchange_peer"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_peer_id_exchange_peer_id_fk" FOREIGN KEY ("peer_id") REFERENCES "public"."exchange_peer"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_retried_by_id_app_user_id_fk" FOREIGN KEY ("retried_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_inbox_message_uq" ON "exchange_inbox" USING btree ("peer_id","message_key");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_outbox_message_uq" ON "exchange_outbox" USING btree ("peer_id","message_key");--> statement-breakpoint
CREATE INDEX "exchange_outbox_due_idx" ON "exchange_outbox" USING btree ("next_attempt_at") WHERE "exchange_outbox"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "exchange_outbox_created_idx" ON "exchange_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_peer_fingerprint_uq" ON "exchange_peer" USING btree ("fingerprint");--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_peer_id_exchange_peer_id_fk" FOREIGN KEY ("peer_id") REFERENCES "public"."exchange_peer"("id") ON DELETE restrict ON UPDATE no action;