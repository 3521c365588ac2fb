// Two deployments of the production build (`next start`), each with its own database, exchange a
// document and its statuses both ways over loopback HTTP. Each side is killed outright (SIGKILL)
// in the middle of an exchange and started again: the document arrives once, every status once.
// "In the middle" is made certain by holding a lock on the receiver's inbox from the test, so
// that the receipt is seen waiting half-way through its transaction before the kill.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { delivery, deliveryEvent } from "@/db/schema/delivery";
import { document } from "@/db/schema/documents";
import { exchangeOutbox } from "@/db/schema/exchange";
import { computeBuildFingerprint, isBuildCurrent, repoRoot } from "@/scripts/build-fingerprint";
import { loadVisibleDocument } from "../incoming/visibility";
import { applyIncomingAction } from "../incoming/workflow";
import { createWorkflowWorld, type WorkflowWorld } from "../testing/incoming-workflow";
import { giveKeys } from "../testing/outgoing-route";
import { connectDeployments, issueTo } from "../testing/two-deployments";

type Deployment = { name: string; world: WorkflowWorld; port: number; app: ChildProcess | null };

let A: Deployment;
let B: Deployment;
const ward = { drafter: "chuyenvien.kt", signer: "chutich.dc", clerk: "vanthu.dc" };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const urlOf = (d: Deployment) => `http://127.0.0.1:${d.port}`;

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 90_000,
) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `next start` on the deployment's database, in a process group of its own (killed whole). */
async function start(d: Deployment) {
  const app = spawn(
    path.join(repoRoot, "node_modules", ".bin", "next"),
    ["start", "--port", String(d.port), "--hostname", "127.0.0.1"],
    {
      cwd: repoRoot,
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: d.world.url,
        DATABASE_POOL_SIZE: "4",
        PUBLIC_URL: urlOf(d),
        // Quick retries: the first after a second, doubling.
        EXCHANGE_RETRY_SECONDS: "1",
      },
    },
  );
  app.stderr!.on("data", (chunk: Buffer) => {
    const line = chunk.toString();
    if (!/ExperimentalWarning|DeprecationWarning/.test(line))
      process.stderr.write(`[${d.name}] ${line}`);
  });
  d.app = app;
  await waitFor(`${d.name} to answer`, async () => {
    const response = await fetch(`${urlOf(d)}/api/health`);
    return response.ok;
  });
}

function kill(d: Deployment) {
  if (d.app?.pid) process.kill(-d.app.pid, "SIGKILL");
  d.app = null;
}

/** Holds the receiver's inbox so that a receipt waits half-way; `release` lets it go on. */
async function holdInbox(d: Deployment) {
  const client = new pg.Client({ connectionString: d.world.url });
  await client.connect();
  await client.query("begin");
  await client.query("lock table exchange_inbox in exclusive mode");
  return {
    /** Until a receipt waits on the lock, its document rows written but not committed. */
    waiting: () =>
      waitFor("a receipt waiting half-way", async () => {
        // Asked outside the locking transaction, which sees one snapshot of the activity.
        const { rows } = await d.world.pool.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where wait_event_type = 'Lock' and query ilike 'insert into "exchange_inbox"%'`,
        );
        return rows[0]!.n > 0;
      }),
    release: async () => {
      await client.query("rollback");
      await client.end();
    },
  };
}

async function copiesAt(world: WorkflowWorld, org: string, subject: string) {
  return world.db
    .select({ id: document.id, status: document.status })
    .from(document)
    .where(
      and(
        eq(document.organisationId, world.orgs[org]!),
        eq(document.subject, subject),
        eq(document.direction, "incoming"),
      ),
    );
}

async function sentState(db: Db, documentId: string) {
  const [row] = await db
    .select({ state: exchangeOutbox.state })
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.documentId, documentId), eq(exchangeOutbox.kind, "document")));
  return row?.state;
}

async function codesOf(db: Db, documentId: string) {
  const rows = await db
    .select({ code: deliveryEvent.code })
    .from(deliveryEvent)
    .innerJoin(delivery, eq(delivery.id, deliveryEvent.deliveryId))
    .where(eq(delivery.documentId, documentId))
    .orderBy(deliveryEvent.code);
  return rows.map((r) => r.code);
}

async function register(world: WorkflowWorld, username: string, id: string) {
  const actor = await world.as(username);
  const doc = await loadVisibleDocument(world.db, actor, id);
  await applyIncomingAction(world.db, actor, {
    documentId: id,
    version: doc.version,
    input: { action: "register" },
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) {
    throw new Error(
      "These tests run the production build, and .next holds none: run `npm test -- --only int` " +
        "(it builds first) or `npm test -- --only build`.",
    );
  }
  if (!isBuildCurrent(computeBuildFingerprint())) {
    console.warn(
      "The build in .next is older than the sources: the deployments run the older code.",
    );
  }
  A = { name: "A", world: await createWorkflowWorld(), port: await freePort(), app: null };
  B = { name: "B", world: await createWorkflowWorld(), port: await freePort(), app: null };
  await giveKeys(A.world, "dinhcong", { signer: "chutich.dc", clerk: "vanthu.dc" });
  await giveKeys(B.world, "hoangliet", { signer: "chutich.hl", clerk: "vanthu.hl" });
  await connectDeployments(A.world, B.world, { a: urlOf(A), b: urlOf(B) });
  await Promise.all([start(A), start(B)]);
}, 240_000);

afterAll(() => {
  for (const d of [A, B]) if (d) kill(d);
});

describe("two deployments on loopback", () => {
  it("delivers once when the receiving side is killed in the middle of receiving", async () => {
    const subject = "V/v tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc";
    const hold = await holdInbox(B);
    const sent = await issueTo(A.world, ward, subject, ["hoangliet"]);
    await hold.waiting();
    kill(B);
    await hold.release();
    // Nothing of the interrupted receipt stays.
    await new Promise((r) => setTimeout(r, 500));
    expect(await copiesAt(B.world, "hoangliet", subject)).toHaveLength(0);
    expect(await sentState(A.world.db, sent.id)).toBe("pending");

    await start(B);
    await waitFor(
      "the document to be sent",
      async () => (await sentState(A.world.db, sent.id)) === "sent",
    );
    const copies = await copiesAt(B.world, "hoangliet", subject);
    expect(copies).toHaveLength(1);
    // Its arrival (01) comes back; registering it (03) too.
    await register(B.world, "vanthu.hl", copies[0]!.id);
    await waitFor(
      "01 and 03 at the sender",
      async () => (await codesOf(A.world.db, sent.id)).length === 2,
    );
    expect(await codesOf(A.world.db, sent.id)).toEqual(["01", "03"]);
  }, 180_000);

  it("delivers once when the sending side is killed in the middle of sending", async () => {
    const subject = "V/v kế hoạch diễn tập phòng thủ dân sự";
    const hold = await holdInbox(B);
    const sent = await issueTo(A.world, ward, subject, ["hoangliet"]);
    await hold.waiting();
    kill(A);
    // The receipt goes on and commits; the sender never heard the answer.
    await hold.release();
    await waitFor(
      "the copy at the receiver",
      async () => (await copiesAt(B.world, "hoangliet", subject)).length === 1,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await sentState(A.world.db, sent.id)).toBe("pending");

    await start(A);
    await waitFor(
      "the document to be sent again",
      async () => (await sentState(A.world.db, sent.id)) === "sent",
    );
    expect(await copiesAt(B.world, "hoangliet", subject)).toHaveLength(1);
    await waitFor(
      "01 at the sender",
      async () => (await codesOf(A.world.db, sent.id)).length === 1,
    );
    expect(await codesOf(A.world.db, sent.id)).toEqual(["01"]);
  }, 180_000);

  it("carries a document and its statuses the other way, each once", async () => {
    const subject = "V/v báo cáo kết quả rà soát hộ nghèo năm 2026";
    const sent = await issueTo(
      B.world,
      { drafter: "vanthu.hl", signer: "chutich.hl", clerk: "vanthu.hl" },
      subject,
      ["dinhcong"],
    );
    const [copy] = await waitFor("the copy at Định Công", async () => {
      const found = await copiesAt(A.world, "dinhcong", subject);
      return found.length > 0 ? found : null;
    });
    await register(A.world, "vanthu.dc", copy!.id);
    await waitFor(
      "01 and 03 back at Hoàng Liệt",
      async () => (await codesOf(B.world.db, sent.id)).length === 2,
    );
    // A little longer: nothing arrives twice.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await codesOf(B.world.db, sent.id)).toEqual(["01", "03"]);
    expect(await copiesAt(A.world, "dinhcong", subject)).toHaveLength(1);
    const [row] = await B.world.db.select().from(delivery).where(eq(delivery.documentId, sent.id));
    expect(row!.status).toBe("registered");
  }, 120_000);
});
