import PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { vietnamToday } from "@/lib/dates";
import { env } from "../env";
import { sweepOrphanBlobs } from "../files/sweep";
import { syncDelegateBoxes } from "../incoming/delegation";
import { collectWaitingSignatures } from "../outgoing/remote-requests";
import { sendDeadlineReminders } from "./deadline-reminders";

const TZ = "Asia/Ho_Chi_Minh";

/** Recurring jobs: each is idempotent, so any number of application instances may run them. */
const jobs: { name: string; cron: string; run: () => Promise<unknown> }[] = [
  {
    name: "deadline-reminders",
    cron: "*/30 * * * *",
    run: () => sendDeadlineReminders(getDb(), vietnamToday()),
  },
  {
    // Delegations start and end with the day: the delegates' boxes follow just after midnight.
    name: "sync-delegations",
    cron: "1 0 * * *",
    run: () => syncDelegateBoxes(getDb(), null, vietnamToday()),
  },
  {
    // Signatures asked of a remote signing service: approvals collected, lapsed requests closed.
    name: "collect-remote-signatures",
    cron: "* * * * *",
    run: () => collectWaitingSignatures(getDb()),
  },
  {
    // Uploads never attached to a document (a form abandoned half-way) are removed after a day.
    name: "sweep-orphan-files",
    cron: "15 2 * * *",
    run: () => sweepOrphanBlobs(getDb(), 24),
  },
];

const globalForBoss = globalThis as unknown as { lienThongBoss?: Promise<PgBoss> };

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, schema: "pgboss", max: 3 });
  boss.on("error", (error) => console.error("Job queue error", error));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: TZ });
    await boss.work(job.name, async () => {
      await job.run();
    });
  }
  // Catch up at start-up rather than waiting for the first scheduled run.
  await boss.send("deadline-reminders", {}, { singletonKey: "startup", singletonSeconds: 60 });
  await boss.send("sync-delegations", {}, { singletonKey: "startup", singletonSeconds: 60 });
  return boss;
}

/** Starts the job queue once per server process (pg-boss keeps its tables in schema `pgboss`). */
export function startJobs(): Promise<PgBoss> | undefined {
  if (!env.DATABASE_URL) return undefined;
  globalForBoss.lienThongBoss ??= startBoss();
  return globalForBoss.lienThongBoss;
}
