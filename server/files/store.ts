import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { env } from "../env";
import { notFound } from "../errors";

/**
 * Where the bytes of files live, addressed by their SHA-256. Content never changes once stored,
 * so every operation is idempotent. Disk today; an object store implements the same four calls.
 */
export interface FileStore {
  /**
   * Moves a complete temporary file (made in `tempPath()`) into place under its hash. When the
   * bytes are already stored the temporary file is simply dropped.
   */
  put(sha256: string, sourcePath: string): Promise<void>;
  /** The stored bytes; NOT_FOUND when they are not there. */
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  remove?(sha256: string): Promise<void>;
  /** A fresh path for an upload in progress, on the same volume as the store so `put` is a rename. */
  tempPath(): Promise<string>;
}

const SHA256 = /^[0-9a-f]{64}$/;

// The hash becomes a path: anything but 64 hex digits could walk out of the folder.
function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256.slice(0, 80)}`);
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** Files under `root/ab/cd/<sha256>`, written read-only; uploads in progress under `root/tmp`. */
export class DiskFileStore implements FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  pathOf(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  get tempDir(): string {
    return path.join(this.root, "tmp");
  }

  async tempPath(): Promise<string> {
    await mkdir(this.tempDir, { recursive: true });
    return path.join(this.tempDir, `${Date.now()}-${randomBytes(8).toString("hex")}.part`);
  }

  async put(sha256: string, sourcePath: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) {
      await rm(sourcePath, { force: true });
      return;
    }
    // The bytes reach the disk before the rename makes them visible, and before the caller
    // records the blob in the database.
    const handle = await open(sourcePath, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(sourcePath, 0o444);
    await mkdir(path.dirname(target), { recursive: true });
    // Atomic on one volume; two uploads of the same bytes racing here write identical content.
    await rename(sourcePath, target);
  }

  async open(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    try {
      await stat(file);
    } catch (error) {
      if (isMissing(error)) throw notFound("file");
      throw error;
    }
    return createReadStream(file);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async remove(sha256: string): Promise<void> {
    const file = this.pathOf(sha256);
    try {
      // Read-only files cannot be deleted on Windows without this.
      await chmod(file, 0o644);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    await rm(file, { force: true });
  }
}

/** The folder of files: FILES_DIR, else `files` inside the data folder that `npm start` uses. */
export function filesDirectory(): string {
  return env.FILES_DIR ?? path.join(process.env.DATA_DIR ?? ".data", "files");
}

const globalForStore = globalThis as unknown as { lienThongFileStore?: FileStore };

/** The configured file store, created on first use. */
export function getFileStore(): FileStore {
  globalForStore.lienThongFileStore ??= new DiskFileStore(filesDirectory());
  return globalForStore.lienThongFileStore;
}
