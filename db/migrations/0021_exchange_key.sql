-- The key with which this deployment signs the edXML packages it sends.
ALTER TYPE "public"."authority_key_kind" ADD VALUE 'exchange';