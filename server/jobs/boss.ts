import pg from "pg";
import PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { vietnamToday } from "@/lib/dates";
import { env } from "../env";
import { drainOutbox, OUTBOX_CHANNEL } from "../exchange/outbox";
import { sweepOrphanBlobs } from "../files/sweep";
import { sendDailyDigests } from "../mail/digest";
import { drainMail } from "../mail/drain";
import { MAIL_CHANNEL } from "../mail/enqueue";
import { syncDelegateBoxes } from "../incoming/delegation";
import { collectWaitingSignatures } from "../outgoing/remote-requests";
import { sendDeadlineReminders } from "./deadline-reminders";

const TZ = "Asia/Ho_Chi_Minh";

const EXCHANGE_DRAIN = "exchange-drain";
const MAIL_DRAIN = "mail-drain";

/** Sends due mail; a message waiting for its next attempt gets a drain at that moment. */
async function drainMailAndReschedule() {
  const { nextAt } = await drainMail(getDb());
  const boss = await globalForBoss.lienThongBoss;
  if (nextAt && boss) {
    await boss.send(
      MAIL_DRAIN,
      {},
      { startAfter: nextAt, singletonKey: "next", singletonSeconds: 1 },
    );
  }
}

/** Drains the outbox; a message waiting for its next attempt gets a drain at that moment. */
async function drainAndReschedule() {
  const { nextAt } = await drainOutbox(getDb());
  const boss = await globalForBoss.lienThongBoss;
  if (nextAt && boss) {
    await boss.send(
      EXCHANGE_DRAIN,
      {},
      { startAfter: nextAt, singletonKey: "next", singletonSeconds: 1 },
    );
  }
}

/**
 * Wakes the drain when a transaction that wrote to the outbox commits (NOTIFY), on a connection
 * of its own that is opened again if it drops.
 */
async function listenForOutbox(boss: PgBoss) {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  const again = () => setTimeout(() => void listenForOutbox(boss).catch(() => undefined), 5000);
  client.on("error", () => {
    void client.end().catch(() => undefined);
    again();
  });
  client.on("notification", (message) => {
    const job = message.channel === MAIL_CHANNEL ? MAIL_DRAIN : EXCHANGE_DRAIN;
    void boss.send(job, {}).catch((error) => console.error("Job queue error", error));
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    await client.query(`LISTEN ${MAIL_CHANNEL}`);
  } catch (error) {
    console.error("Cannot listen for outgoing exchange messages", error);
    again();
  }
}

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
    // Messages to peer deployments: every minute, besides the wake-up each new message sends.
    name: EXCHANGE_DRAIN,
    cron: "* * * * *",
    run: () => drainAndReschedule(),
  },
  {
    // E-mail: every minute (retries falling due, interrupted sends), besides each commit's wake-up.
    name: MAIL_DRAIN,
    cron: "* * * * *",
    run: () => drainMailAndReschedule(),
  },
  {
    // The morning digest of the notifications people have not read, at 07:00 in Vietnam.
    name: "mail-digest",
    cron: "0 7 * * *",
    run: () => sendDailyDigests(getDb()),
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
    // The drain is looked for every second: a document sent waits for it.
    const pollingIntervalSeconds = job.name === EXCHANGE_DRAIN || job.name === MAIL_DRAIN ? 1 : 2;
    await boss.work(job.name, { pollingIntervalSeconds }, async () => {
      await job.run();
    });
  }
  await listenForOutbox(boss);
  // Catch up at start-up rather than waiting for the first scheduled run.
  await boss.send("deadline-reminders", {}, { singletonKey: "startup", singletonSeconds: 60 });
  await boss.send("sync-delegations", {}, { singletonKey: "startup", singletonSeconds: 60 });
  // What a stop interrupted is sent at once.
  await boss.send(EXCHANGE_DRAIN, {});
  await boss.send(MAIL_DRAIN, {});
  return boss;
}

/** Starts the job queue once per server process (pg-boss keeps its tables in schema `pgboss`). */
export function startJobs(): Promise<PgBoss> | undefined {
  if (!env.DATABASE_URL) return undefined;
  globalForBoss.lienThongBoss ??= startBoss();
  return globalForBoss.lienThongBoss;
}
