// Starts one embedded PostgreSQL for the integration run and migrates a template database;
// each test file then gets its own database cloned from the template (see test-db.ts).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/db/migrate";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/embedded-postgres";

export const TEMPLATE_DB = "lien_thong_template";

let server: EmbeddedPostgres | undefined;
let folder: string | undefined;

export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    folder = mkdtempSync(path.join(tmpdir(), "lien-thong-test-"));
    chmodSync(folder, 0o755);
    server = await startEmbeddedPostgres({
      dataDir: path.join(folder, "pg"),
      // Another checkout's run on the same machine takes another port.
      port: Number(process.env.TEST_PG_PORT || 55432),
      fast: true,
      log: () => undefined,
    });
    adminUrl = server.url("postgres");
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  await migrateDatabase(url.toString());
  project.provide("adminDatabaseUrl", adminUrl);
}

export async function teardown() {
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}
