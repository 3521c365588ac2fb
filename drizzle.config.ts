import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/*.ts",
  out: process.env.DRIZZLE_OUT ?? "./db/migrations",
  casing: "snake_case",
  strict: true,
});
