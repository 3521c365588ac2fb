import pg from "pg";
import type { DbOrTx } from "@/db/client";
import { loadActor, type Actor } from "./actor";

/** The channel the database announces changed actors on (migration 0007): a user id, or `*`. */
export const ACTOR_CHANNEL = "lien_thong_actor";

type Session = { userId: string; sessionEpoch: number };

/** Where a request's actor comes from. */
export type ActorSource = {
  /** The actor for a read: may come from memory while the database has not said it changed. */
  forRead(db: DbOrTx, session: Session): Promise<Actor | null>;
  /** The actor for a change: always read from the database. */
  forWrite(db: DbOrTx, session: Session): Promise<Actor | null>;
};

/** No memory: every request reads its actor from the database. */
export const uncachedActors: ActorSource = {
  forRead: loadActor,
  forWrite: loadActor,
};

type Entry = { sessionEpoch: number; actor: Actor };

/**
 * Remembers actors between requests, and forgets them when the database says so. Triggers on
 * users, roles, units and organisations `NOTIFY` the changed user (or `*` for everyone) after the
 * change commits; one listening connection per server process evicts the entry. A read that
 * started before a notification arrived is not remembered. While the listening connection is
 * down nothing is remembered, so a missed notification can never leave a stale actor behind.
 * Changes are always made with an actor read from the database.
 */
export class ActorCache implements ActorSource {
  private readonly entries = new Map<string, Entry>();
  private client: pg.Client | null = null;
  private listening = false;
  private connecting: Promise<void> | null = null;
  /** Raised by every notification, so that a load that overlapped one is not remembered. */
  private generation = 0;
  private retryAt = 0;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly capacity = 5000,
  ) {}

  /** Whether actors are being remembered (the listening connection is up). */
  get active(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  remembers(userId: string): boolean {
    return this.entries.has(userId);
  }

  async forRead(db: DbOrTx, session: Session): Promise<Actor | null> {
    this.listen();
    if (this.listening) {
      const hit = this.entries.get(session.userId);
      if (hit && hit.sessionEpoch === session.sessionEpoch) return hit.actor;
    }
    return this.forWrite(db, session);
  }

  async forWrite(db: DbOrTx, session: Session): Promise<Actor | null> {
    const generation = this.generation;
    const actor = await loadActor(db, session);
    if (!this.listening || generation !== this.generation) return actor;
    if (!actor) {
      this.entries.delete(session.userId);
      return null;
    }
    if (!this.entries.has(session.userId) && this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(session.userId);
    this.entries.set(session.userId, { sessionEpoch: session.sessionEpoch, actor });
    return actor;
  }

  /** Starts listening once it may; resolves when listening (or when the attempt failed). */
  listen(): Promise<void> {
    if (this.closed || this.listening) return Promise.resolve();
    if (this.connecting) return this.connecting;
    if (Date.now() < this.retryAt) return Promise.resolve();
    this.connecting = this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: "lien-thong-actor-cache",
    });
    client.on("notification", (message) => {
      if (message.channel !== ACTOR_CHANNEL) return;
      this.generation++;
      if (!message.payload || message.payload === "*") this.entries.clear();
      else this.entries.delete(message.payload);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACTOR_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
      this.generation++;
      this.entries.clear();
      this.listening = true;
    } catch {
      this.retryAt = Date.now() + 5_000;
      void client.end().catch(() => undefined);
    }
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    this.generation++;
    this.entries.clear();
    this.retryAt = Date.now() + 1_000;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    this.entries.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
