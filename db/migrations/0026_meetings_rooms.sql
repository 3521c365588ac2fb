-- Meetings and rooms: rooms of an organisation, meetings (single or a series by an RRULE that ends),
-- the occurrences taken out of a series, participants and their answers, and room bookings.
-- btree_gist lets one GiST exclusion constraint combine the room's equality with the overlap of
-- the booked ranges, so the database itself refuses two active bookings of one room at once
-- (SQLSTATE 23P01); the same index serves a room's bookings over a week.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE TYPE "public"."meeting_response" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"organiser_id" uuid NOT NULL,
	"title" text NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room_id" uuid,
	"location_text" text,
	"recurrence" text,
	"time_zone" text DEFAULT 'Asia/Ho_Chi_Minh' NOT NULL,
	"status" "meeting_status" DEFAULT 'scheduled' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_time_ck" CHECK ("meeting"."ends_at" > "meeting"."starts_at"),
	CONSTRAINT "meeting_place_ck" CHECK ("meeting"."room_id" IS NULL OR "meeting"."location_text" IS NULL),
	CONSTRAINT "meeting_time_zone_ck" CHECK ("meeting"."time_zone" = 'Asia/Ho_Chi_Minh')
);
--> statement-breakpoint
CREATE TABLE "meeting_exception" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"original_start" timestamp with time zone NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"new_start" timestamp with time zone,
	"new_end" timestamp with time zone,
	"title" text,
	"room_id" uuid,
	"location_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_exception_moved_ck" CHECK ("meeting_exception"."cancelled" OR ("meeting_exception"."new_start" IS NOT NULL AND "meeting_exception"."new_end" > "meeting_exception"."new_start"))
);
--> statement-breakpoint
CREATE TABLE "meeting_participant" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"response" "meeting_response" DEFAULT 'pending' NOT NULL,
	"responded_at" timestamp with time zone,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_participant_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "room" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_capacity_ck" CHECK ("room"."capacity" BETWEEN 1 AND 10000),
	CONSTRAINT "room_equipment_ck" CHECK (cardinality("room"."equipment") <= 30)
);
--> statement-breakpoint
CREATE TABLE "room_booking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"meeting_id" uuid,
	"occurrence_start" timestamp with time zone,
	"purpose" text,
	"during" "tstzrange" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"booked_by_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_booking_owner_ck" CHECK ("room_booking"."meeting_id" IS NOT NULL OR "room_booking"."purpose" IS NOT NULL),
	CONSTRAINT "room_booking_during_ck" CHECK (NOT isempty("room_booking"."during") AND NOT lower_inf("room_booking"."during") AND NOT upper_inf("room_booking"."during"))
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_organiser_id_app_user_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_exception" ADD CONSTRAINT "meeting_exception_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_exception" ADD CONSTRAINT "meeting_exception_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room" ADD CONSTRAINT "room_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_booking" ADD CONSTRAINT "room_booking_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_booking" ADD CONSTRAINT "room_booking_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_booking" ADD CONSTRAINT "room_booking_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_booking" ADD CONSTRAINT "room_booking_booked_by_id_app_user_id_fk" FOREIGN KEY ("booked_by_id") REFERENCES "public"."app_user"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_org_organiser_idx" ON "meeting" USING btree ("organisation_id","organiser_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_exception_occurrence_uq" ON "meeting_exception" USING btree ("meeting_id","original_start");--> statement-breakpoint
CREATE INDEX "meeting_participant_user_idx" ON "meeting_participant" USING btree ("user_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "room_org_name_uq" ON "room" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "room_booking_meeting_idx" ON "room_booking" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "room_booking" ADD CONSTRAINT "room_booking_no_overlap"
  EXCLUDE USING gist ("room_id" WITH =, "during" WITH &&) WHERE ("active");
