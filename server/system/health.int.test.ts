import { describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { freshDatabase } from "../testing/test-db";
import { checkHealth } from "./health";

describe("the health check", () => {
  it("says ok while the database answers, and unavailable when it cannot be reached", async () => {
    const { db, url } = await freshDatabase();
    expect(await checkHealth(db)).toEqual({ status: "ok" });

    const unreachable = new URL(url);
    unreachable.port = "1";
    const { db: nowhere, pool } = createDb(unreachable.toString(), 1);
    pool.removeAllListeners("error").on("error", () => undefined);
    try {
      expect(await checkHealth(nowhere)).toEqual({ status: "unavailable" });
    } finally {
      await pool.end();
    }
  });
});
