// `npm run audit:verify`: recomputes every organisation's audit hash chain and reports the first
// broken link, so tampering done directly in the database (bypassing the app) is found.
import path from "node:path";
import { asc } from "drizzle-orm";
import { createDb } from "@/db/client";
import { organisation } from "@/db/schema/org";
import { verifyAuditChain, type BrokenReason } from "@/server/audit/verify";
import { repoRoot } from "./build-fingerprint";
import { openDatabase } from "./database";

const reasons = {
  hash: "content does not match its hash",
  link: "prev_hash is not the hash of the event before",
  gap: "sequence number missing (an event was deleted)",
  truncated: "the chain ends before its recorded head (events deleted at the end)",
} as const satisfies Record<BrokenReason, string>;

async function main(): Promise<number> {
  const dataDir = path.resolve(repoRoot, process.env.DATA_DIR ?? ".data");
  // Next to a running `npm start`, read its database rather than start a second server on it.
  const database = await openDatabase({
    dataDir,
    log: (line) => console.error(line),
    shareRunning: true,
  });
  const { db, pool } = createDb(database.url, 2);
  let broken = 0;
  try {
    const orgs = await db
      .select({ id: organisation.id, code: organisation.code, name: organisation.name })
      .from(organisation)
      .orderBy(asc(organisation.code));
    const width = Math.max(0, ...orgs.map((o) => [...o.name].length));
    for (const org of orgs) {
      const report = await verifyAuditChain(db, org.id);
      const events = `${report.events} event${report.events === 1 ? "" : "s"}`;
      const label = `${org.code}  ${org.name.padEnd(width)}  ${events.padStart(14)}`;
      if (report.ok) {
        console.log(`✔ ${label}  OK`);
      } else {
        broken += 1;
        const { seq, id, reason } = report.brokenAt;
        console.log(`✘ ${label}  BROKEN at seq ${seq} (id ${id ?? "–"}): ${reasons[reason]}`);
      }
    }
    console.log(
      broken === 0
        ? `All ${orgs.length} audit chains are intact.`
        : `${broken} of ${orgs.length} audit chains are broken.`,
    );
  } finally {
    await pool.end();
    await database.stop();
  }
  return broken === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("audit:verify failed:", error);
    process.exit(2);
  },
);
