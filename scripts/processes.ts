// Identifying processes across runs: a pid alone may have been reused since it was recorded,
// so a process is known by its pid and start time (Linux /proc; elsewhere by pid only).
import { readFileSync } from "node:fs";

export type ProcessId = { pid: number; started: string | null };

type Stat = { name: string; state: string; ppid: number; started: string };

function readStat(pid: number): Stat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    return {
      name: stat.slice(stat.indexOf("(") + 1, close),
      state: fields[0] ?? "",
      ppid: Number(fields[1]),
      started: fields[19] ?? "",
    };
  } catch {
    return undefined;
  }
}

export function processId(pid: number): ProcessId {
  return { pid, started: readStat(pid)?.started ?? null };
}

/** The recorded process is still running (not exited, not a zombie waiting to be reaped). */
export function isRunning(p: ProcessId, name?: string): boolean {
  const stat = readStat(p.pid);
  if (stat) {
    return (
      stat.state !== "Z" &&
      (p.started === null || stat.started === p.started) &&
      (name === undefined || stat.name === name)
    );
  }
  if (p.started !== null) return false;
  try {
    process.kill(p.pid, 0);
    return true;
  } catch {
    return false;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/**
 * The processes between this one and the `npm` that launched it (npm, its shell, tsx), or none
 * when not launched by npm. npm forwards a SIGTERM only to its shell, which dies without passing
 * it on; watching these is how `kill <npm pid>` still stops the application.
 */
export function npmAncestors(): ProcessId[] {
  const chain: ProcessId[] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 4 && pid > 1; depth++) {
    chain.push(processId(pid));
    if (commandLine(pid).startsWith("npm")) return chain;
    pid = readStat(pid)?.ppid ?? 0;
  }
  return [];
}
