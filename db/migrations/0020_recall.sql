-- Recall, update and replace: the sender's request on each delivery and the recipient's answer
-- (codes 13, 15, 16); a document whose recall was accepted is 'recalled' at the recipient.
CREATE TYPE "public"."recall_kind" AS ENUM('recall', 'update', 'replace');--> statement-breakpoint
CREATE TYPE "public"."recall_state" AS ENUM('requested', 'accepted', 'refused');--> statement-breakpoint
ALTER TYPE "public"."delivery_status" ADD VALUE 'recalled';--> statement-breakpoint
ALTER TYPE "public"."document_status" ADD VALUE 'recalled' BEFORE 'draft';--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "recall_kind" "recall_kind";--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "recall_state" "recall_state";--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "recall_reason" text;--> statement-breakpoint
ALTER TABLE "delivery" ADD COLUMN "recall_at" timestamp with time zone;