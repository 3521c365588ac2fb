import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".data/**",
      ".data-*/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      // Copied from pdfjs-dist at start (scripts/pdfjs-assets.ts).
      "public/pdfjs/**",
    ],
  },
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Procedure inputs are built from the shared blocks of lib/schemas/fields.ts, which refuse
    // what PostgreSQL would refuse with a 500 (NUL characters, year 0, integers past `integer`).
    files: ["lib/schemas/**/*.ts", "server/api/**/*.ts"],
    ignores: ["lib/schemas/fields.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["string", "number", "int", "iso", "coerce", "date", "bigint"].map((property) => ({
          object: "z",
          property,
          message: "Build inputs from lib/schemas/fields.ts (textField, dayField, int32Field ...).",
        })),
      ],
    },
  },
];

export default config;
