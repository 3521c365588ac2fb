import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { env } from "@/server/env";
import * as audit from "./schema/audit";
import * as documents from "./schema/documents";
import * as files from "./schema/files";
import * as handling from "./schema/handling";
import * as notify from "./schema/notify";
import * as org from "./schema/org";
import * as outgoing from "./schema/outgoing";
import * as participants from "./schema/participants";
import * as registry from "./schema/registry";
import * as signing from "./schema/signing";
import * as users from "./schema/users";

export const schema = {
  ...org,
  ...users,
  ...audit,
  ...registry,
  ...files,
  ...documents,
  ...handling,
  ...participants,
  ...outgoing,
  ...signing,
  ...notify,
};
export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; services that must join a caller's transaction take `Db | Tx`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export function createDb(connectionString: string, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max, application_name: "lien-thong" });
  pool.on("error", (err) => console.error("PostgreSQL pool error", err));
  return { db: drizzle(pool, { schema, casing: "snake_case" }), pool };
}

const globalForDb = globalThis as unknown as { lienThongDb?: { db: Db; pool: pg.Pool } };

/** The application's shared pool, created on first use from DATABASE_URL. */
export function getDb(): Db {
  if (!globalForDb.lienThongDb) {
    const url = env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the application with `npm start`.");
    globalForDb.lienThongDb = createDb(url, env.DATABASE_POOL_SIZE);
  }
  return globalForDb.lienThongDb.db;
}
