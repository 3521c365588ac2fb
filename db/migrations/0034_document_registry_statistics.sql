-- A registry belongs to one organisation and holds documents of one direction, and a year
-- registry's period follows from the date: the planner, which takes columns as independent,
-- otherwise expects a registry book's year to hold a few hundred documents where it holds
-- thousands, and joins every one of them to its handlers before it keeps the first page.
CREATE STATISTICS IF NOT EXISTS "document_registry_stats" (dependencies)
  ON "organisation_id", "direction", "registry_id", "registry_period" FROM "document";
--> statement-breakpoint
ANALYZE "document";
