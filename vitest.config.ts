import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Server modules import "server-only" to keep them out of client bundles; tests run them in Node.
  "server-only": path.resolve(import.meta.dirname, "server/testing/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,server,db,components,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,server,db,scripts}/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["server/testing/global-setup.ts"],
          // Files stored by services under test go to a scratch folder, never the project's .data/.
          env: {
            FILES_DIR: path.join(tmpdir(), "lien-thong-test-files"),
            // Seals the test CA's keys at rest, as AUTH_SECRET does in a deployment.
            AUTH_SECRET: "integration-tests-only-secret-not-for-deployments",
          },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
