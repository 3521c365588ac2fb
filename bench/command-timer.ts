// Times commands (OpenSSL, the baselines) as child processes of a small shell started once. The
// benchmark's own process, hundreds of megabytes once the files are made, never forks while it
// measures: after a fork every page it writes to faults once for copy-on-write, which would be
// charged to whatever it runs next, our side of the comparison, and is no cost of the application.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

// One command per line in; "status start end" out, the times from bash's microsecond clock taken
// around the command alone, so the pipe to and from this process is not counted.
const LOOP = `
while IFS= read -r line; do
  start=$EPOCHREALTIME
  eval "$line" </dev/null >/dev/null 2>"$ERRORS"
  status=$?
  end=$EPOCHREALTIME
  echo "$status $start $end"
done`;

const shellQuote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/** Milliseconds between two `$EPOCHREALTIME` readings ("seconds.microseconds"). */
function elapsedMs(start: string, end: string): number {
  const micros = (t: string) => {
    const [seconds, fraction = ""] = t.split(".");
    return BigInt(seconds!) * 1_000_000n + BigInt(fraction.padEnd(6, "0").slice(0, 6));
  };
  return Number(micros(end) - micros(start)) / 1000;
}

export type CommandTimer = {
  /** Runs the command once and gives its wall-clock time in ms; throws unless it exits with 0. */
  time(command: string, args: string[]): Promise<number>;
  close(): void;
};

export function startCommandTimer(): CommandTimer {
  const dir = mkdtempSync(path.join(tmpdir(), "lien-thong-bench-timer-"));
  const errors = path.join(dir, "stderr");
  const shell = spawn("bash", ["-c", LOOP], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, LC_ALL: "C", ERRORS: errors },
  });
  const waiting: ((line: string | null) => void)[] = [];
  createInterface({ input: shell.stdout }).on("line", (line) => waiting.shift()?.(line));
  shell.on("exit", () => {
    for (const resolve of waiting.splice(0)) resolve(null);
  });
  return {
    time: (command, args) =>
      new Promise((resolve, reject) => {
        waiting.push((line) => {
          const [status, start, end] = line?.split(" ") ?? [];
          if (status === undefined || start === undefined || end === undefined) {
            reject(new Error(`The shell timing ${command} stopped`));
          } else if (status !== "0") {
            const stderr = readFileSync(errors, "utf8").trim();
            reject(
              new Error(`${command} ${args.slice(0, 2).join(" ")} exited ${status}: ${stderr}`),
            );
          } else {
            resolve(elapsedMs(start, end));
          }
        });
        shell.stdin.write(`${[command, ...args].map(shellQuote).join(" ")}\n`);
      }),
    close: () => {
      shell.stdin.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
