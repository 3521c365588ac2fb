-- Extensions later areas rely on: diacritic-free search (unaccent) and trigram indexes (pg_trgm).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so it cannot be used in an index.
-- This wrapper names the dictionary explicitly and is declared IMMUTABLE, which makes
-- expression indexes such as lower(f_unaccent(subject)) possible.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
