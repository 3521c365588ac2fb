import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const committed = path.join(root, "db", "migrations");
const scratch = mkdtempSync(path.join(tmpdir(), "lien-thong-drift-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe("committed migrations", () => {
  it("match the schema in db/schema (drizzle-kit generate finds nothing to add)", async () => {
    const out = path.join(scratch, "migrations");
    cpSync(committed, out, { recursive: true });
    const before = listFiles(out);
    // A schema change with no migration would make drizzle-kit write a new SQL file here.
    const { stdout, stderr } = await promisify(execFile)(
      path.join(root, "node_modules", ".bin", "drizzle-kit"),
      ["generate"],
      // drizzle-kit reads `out` as relative to the project (it prefixes "./").
      {
        cwd: root,
        env: { ...process.env, DRIZZLE_OUT: path.relative(root, out) },
        timeout: 90_000,
      },
    );
    expect(listFiles(out)).toEqual(before);
    expect(`${stdout}\n${stderr}`).toContain("No schema changes");
  }, 120_000);
});
