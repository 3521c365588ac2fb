-- Route templates become editable records: a version for stale edits, the time of the last
-- change, and `active` a boolean like every other flag (the table was still unused, so the
-- integer converts as 0 = false). A deactivated template's name may be used again.
DROP INDEX "route_template_org_name_uq";--> statement-breakpoint
ALTER TABLE "route_template" ALTER COLUMN "active" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "route_template" ALTER COLUMN "active" SET DATA TYPE boolean USING "active" <> 0;--> statement-breakpoint
ALTER TABLE "route_template" ALTER COLUMN "active" SET DEFAULT true;--> statement-breakpoint
ALTER TABLE "route_template" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "route_template" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Serves routeTemplates.list (the organisation's templates in use, by name) and keeps their names apart.
CREATE UNIQUE INDEX "route_template_org_name_active_uq" ON "route_template" USING btree ("organisation_id",lower("name")) WHERE "route_template"."active";--> statement-breakpoint
ALTER TABLE "route_template" ADD CONSTRAINT "route_template_steps_ck" CHECK (CASE WHEN jsonb_typeof("route_template"."steps") = 'array' THEN jsonb_array_length("route_template"."steps") BETWEEN 1 AND 10 ELSE false END);
