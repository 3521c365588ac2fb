// The application under measurement: a production build (made only when the sources changed),
// `next start` on a free port, and a signed-in session obtained the way a browser gets one.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import {
  computeBuildFingerprint,
  isBuildCurrent,
  repoRoot,
  writeBuildFingerprint,
} from "@/scripts/build-fingerprint";

const nextBin = path.join(repoRoot, "node_modules", ".bin", "next");

function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

export async function ensureBuild(
  log: (line: string) => void,
  track: (child: ChildProcess) => void,
) {
  const fingerprint = computeBuildFingerprint();
  if (isBuildCurrent(fingerprint)) {
    log("The production build in .next is current.");
    return;
  }
  log("Building the application (next build) ...");
  const build = spawn(nextBin, ["build"], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  track(build);
  const code = await exited(build);
  if (code !== 0) throw new Error(`next build failed (exit ${code}).`);
  writeBuildFingerprint(fingerprint);
}

export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port from ${from}.`);
}

export type RunningApp = { baseUrl: string; child: ChildProcess; output: () => string };

/** `next start` against the benchmark's database; resolves once it answers HTTP. */
export async function startApp(options: {
  databaseUrl: string;
  authSecret: string;
  port: number;
  track: (child: ChildProcess) => void;
  /** More settings of the application (server/env.ts). */
  env?: Record<string, string>;
}): Promise<RunningApp> {
  const child = spawn(
    nextBin,
    ["start", "--port", String(options.port), "--hostname", "127.0.0.1"],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: options.databaseUrl,
        AUTH_SECRET: options.authSecret,
        PORT: String(options.port),
        ...options.env,
      },
    },
  );
  options.track(child);
  let output = "";
  const keep = (c: Buffer) => (output = (output + c.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/auth/csrf`);
      if (res.ok) return { baseUrl, child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer within 90 s:\n${output}`);
}

const cookiePairs = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the Cookie header. */
export async function signIn(baseUrl: string, login: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = cookiePairs(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookies.join("; "),
    },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiePairs(res).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error(`Sign-in as ${login} failed (HTTP ${res.status}).`);
  return [...cookies, ...session].join("; ");
}
