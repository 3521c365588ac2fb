import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/db/client";

const TEMPLATE_DB = "lien_thong_template";

/**
 * A fresh database for one test file, cloned from the migrated template and dropped after
 * the file's tests. Returns the drizzle handle and the raw URL (for psql-level tampering).
 */
export async function freshDatabase(): Promise<{ db: Db; url: string; pool: pg.Pool }> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `lt_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { db, pool } = createDb(url.toString(), 20);
  afterAll(async () => {
    await pool.end();
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  return { db, url: url.toString(), pool };
}
