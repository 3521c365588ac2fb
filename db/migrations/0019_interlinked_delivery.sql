-- Delivery inside the deployment: the recipient's copy, and the statuses it reports back
-- (QCVN 102:2016 codes 01-06), each once per delivery.
ALTER TYPE "public"."delivery_status" ADD VALUE 'arrived';--> statement-breakpoint
ALTER TYPE "public"."delivery_status" ADD VALUE 'refused';--> statement-breakpoint
ALTER TYPE "public"."delivery_status" ADD VALUE 'registered';--> statement-breakpoint
ALTER TYPE "public"."delivery_status" ADD VALUE 'assigned';--> statement-breakpoint
ALTER TYPE "public"."delivery_status" ADD VALUE 'in_progress';--> statement-breakpoint
ALTER TYPE "public"."delivery_status" ADD VALUE 'completed';--> statement-breakpoint
CREATE TABLE "delivery_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"status" "delivery_status" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"description" text,
	"staff_name" text,
	"staff_id" uuid
);
--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "addressed_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "incoming_document_id" uuid;--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "delivery_event" ADD CONSTRAINT "delivery_event_delivery_id_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."delivery"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_event" ADD CONSTRAINT "delivery_event_staff_id_app_user_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_event_code_uq" ON "delivery_event" USING btree ("delivery_id","round","code");--> statement-breakpoint
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_addressed_organisation_id_organisation_id_fk" FOREIGN KEY ("addressed_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_incoming_document_id_document_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."document"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_incoming_uq" ON "delivery" USING btree ("incoming_document_id");--> statement-breakpoint
CREATE INDEX "delivery_sender_status_idx" ON "delivery" USING btree ("organisation_id","status","status_at");