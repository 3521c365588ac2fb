import { beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { freshDatabase } from "@/server/testing/test-db";

let pool: pg.Pool;

beforeAll(async () => {
  ({ pool } = await freshDatabase());
});

describe("the schema's foreign keys", () => {
  it("each key to a document has an index beneath it, so removing documents never reads a whole table per row", async () => {
    // A key's referencing column is the first column of some index on its table.
    const { rows } = await pool.query<{ key: string }>(`
      select c.conrelid::regclass || '.' || a.attname as key
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'document'::regclass
        and not exists (
          select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
      order by 1`);
    expect(rows.map((r) => r.key)).toEqual([]);
  });
});
