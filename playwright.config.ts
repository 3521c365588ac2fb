import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Another checkout's run on the same machine sets other ports.
const PORT = Number(process.env.E2E_PORT || 3100);
const PG_PORT = process.env.E2E_PG_PORT || "54339";
const baseURL = `http://127.0.0.1:${PORT}`;

/** The system Chromium (Debian package `chromium`): no browser download at install time. */
function chromiumPath(): string {
  const candidates = [
    "/usr/bin/chromium",
    ...(process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, "chromium")),
  ];
  return candidates.find((file) => existsSync(file)) ?? "/usr/bin/chromium";
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two cores run the app, PostgreSQL and the browser; one worker keeps timings honest.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    headless: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: /merge\.spec\.ts/ },
    // Merging wards changes the demo tree other specs rely on, so it runs after them.
    { name: "tree-changes", testMatch: /merge\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: {
    // A fresh database every run, on ports of its own so a running `npm start` is not disturbed.
    command: `node_modules/.bin/tsx scripts/start.ts --fresh --no-build --data-dir .data-e2e --port ${PORT}`,
    url: `${baseURL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    // The banner and request logs are noise in a test report; errors (stderr) stay visible.
    stdout: "ignore",
    stderr: "pipe",
    // start.ts stops Next.js and then PostgreSQL cleanly on SIGTERM.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      // Empty: always the embedded server, never a DATABASE_URL from the developer's shell.
      DATABASE_URL: "",
      AUTH_LOCK_THRESHOLD: "5",
      AUTH_LOCK_MINUTES: "15",
      EMBEDDED_PG_PORT: PG_PORT,
      // The specs expect the demo organisations and people without documents.
      LIEN_THONG_DEMO_DOCUMENTS: "0",
    },
  },
});
