// `npm run bench:phone`: the first open of a document on a slow phone (bench/phone), against a
// fresh demo served from the production build, on ports of its own.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

const PORT = Number(process.env.E2E_PORT || 3150);

export default defineConfig({
  ...base,
  testDir: "bench/phone",
  projects: [{ name: "phone" }],
  reporter: "list",
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    ...(base.webServer as object),
    command: `node_modules/.bin/tsx scripts/start.ts --fresh --no-build --data-dir .data-phone --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/sign-in`,
    env: {
      ...(base.webServer as { env: Record<string, string> }).env,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT || "54389",
      LIEN_THONG_DEMO_DOCUMENTS: "0",
    },
  },
});
