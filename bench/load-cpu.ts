// Who used the processors during a phase of the load test: the application, PostgreSQL and the
// load generator share this machine's cores, so a throughput figure means little without it.
// Read from /proc (Linux); elsewhere the summary says it is unavailable.
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";

type Ticks = Map<number, { ppid: number; comm: string; ticks: number }>;

/** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
const HZ = 100;

function processTicks(): Ticks {
  const out: Ticks = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command may hold spaces and parentheses; the fields after its last ")" do not.
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const f = stat.slice(close + 2).split(" ");
      // Fields 4 (ppid), 14 (utime) and 15 (stime) of proc(5), counted here from field 3.
      out.set(Number(name), { ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while being read
    }
  }
  return out;
}

function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1);
  const n = fields.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - n[3]! - n[4]!, total };
}

function descendsFrom(pid: number, root: number, all: Ticks): boolean {
  for (let p: number | undefined = pid, hops = 0; p && hops < 50; hops++) {
    if (p === root) return true;
    p = all.get(p)?.ppid;
  }
  return false;
}

/** The PostgreSQL server of a data folder (the first line of its postmaster.pid). */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts counting; `stop()` answers one line: the machine's use and each party's, in cores. The
 * parties are the process trees of the application and of the benchmark's PostgreSQL (other
 * PostgreSQL servers on the machine, such as test suites', count as everything else).
 */
export function startCpuMeter(pids: { app: number | undefined; postgres: number | undefined }): {
  stop: () => string;
} {
  let before: { procs: Ticks; machine: ReturnType<typeof machineTicks>; at: number };
  try {
    before = { procs: processTicks(), machine: machineTicks(), at: performance.now() };
  } catch {
    return { stop: () => "CPU use unavailable (no /proc)." };
  }
  return {
    stop() {
      const procs = processTicks();
      const machine = machineTicks();
      const seconds = (performance.now() - before.at) / 1000;
      const used = { app: 0, postgres: 0, generator: 0 };
      for (const [pid, p] of procs) {
        const delta = p.ticks - (before.procs.get(pid)?.ticks ?? 0);
        if (delta <= 0) continue;
        if (pid === process.pid) used.generator += delta;
        else if (pids.postgres && descendsFrom(pid, pids.postgres, procs)) used.postgres += delta;
        else if (pids.app && descendsFrom(pid, pids.app, procs)) used.app += delta;
      }
      const cores = (ticks: number) => (ticks / HZ / seconds).toFixed(2);
      const busyTicks = machine.busy - before.machine.busy;
      const busy = (100 * busyTicks) / (machine.total - before.machine.total);
      // Whatever else ran meanwhile (other people's builds and tests) took from the same cores.
      const others = Math.max(0, busyTicks - used.app - used.postgres - used.generator);
      return (
        `CPU: ${busy.toFixed(0)} % of ${cpus().length} cores busy; in cores, the application ` +
        `${cores(used.app)}, PostgreSQL ${cores(used.postgres)}, the load generator ` +
        `${cores(used.generator)}, everything else ${cores(others)}.`
      );
    },
  };
}
