// The route handlers that are not tRPC (file upload and download, report downloads, health),
// each with the inputs it can be sent: odd headers, bodies, ids and query strings.
import fc from "fast-check";
import { reportDownloadQuery } from "@/lib/schemas/reports";
import { procedureInputArbitrary } from "./arbitraries";
import type { FuzzUser, FuzzWorld } from "./fixture";
import { hintFor } from "./hints";
import { sharpString, sharpUuids } from "./sharp-values";
import { ORIGIN } from "./trpc-wire";

export type RouteHandlers = {
  upload: (request: Request) => Promise<Response>;
  download: (
    request: Request,
    context: { params: Promise<{ fileId: string }> },
  ) => Promise<Response>;
  reports: Record<
    "registry-book" | "follow-up-book" | "outgoing-book" | "handling",
    (request: Request) => Promise<Response>
  >;
  health: () => Promise<Response>;
};

/** One route, its inputs, and how one input becomes a request (null: no HTTP client could send it). */
export type RouteFuzz = {
  target: string;
  writes: boolean;
  /** Runs per caller at scale 1. */
  runs: number;
  arbitrary: (user: FuzzUser) => fc.Arbitrary<unknown>;
  request: (value: unknown) => { sent: string; send: () => Promise<Response> } | null;
};

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as it is. */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
};

const fileNames = fc.oneof(
  fc
    .constantFrom(
      "van-ban.pdf",
      "Giấy mời họp.pdf",
      "A.PDF",
      ".pdf",
      "",
      `${"x".repeat(300)}.pdf`,
      "../../etc/passwd",
      "con.pdf",
      "a\u0000.pdf",
      "\u202egpj.pdf",
      "ảnh.png",
      "bao-cao.docx",
      "setup.exe",
    )
    .map(encode),
  // Header values as a careless client sends them: not encoded, or encoded wrongly.
  fc.constantFrom("%", "%E0%A4%A", "%00", "..%2F..%2Fx.pdf", "%C0%AF.pdf", "a%0d%0ab.pdf"),
  sharpString().map(encode),
  fc.constant(null),
);

type UploadBody =
  | "empty"
  | "none"
  | "pdf"
  | "broken-pdf"
  | "half-pdf"
  | "text"
  | "noise"
  | "huge"
  | "png"
  | "zeros";

function uploadBytes(kind: UploadBody, pdf: Uint8Array, noise: Uint8Array): BodyInit | undefined {
  switch (kind) {
    case "none":
      return undefined;
    case "empty":
      return new Uint8Array(0);
    case "pdf":
      return Buffer.from(pdf);
    case "broken-pdf":
      return Buffer.concat([Buffer.from("%PDF-1.7\n1 0 obj\n<<"), noise, Buffer.from("\n%%EOF\n")]);
    case "half-pdf":
      return Buffer.from(pdf.subarray(0, pdf.length >> 1));
    case "text":
      return Buffer.from("Xin chào, đây không phải tệp PDF.");
    case "noise":
      return Buffer.from(noise);
    case "huge":
      // Past UPLOAD_MAX_MB (1 in this test), streamed so that the limit is met mid-body.
      return new Blob([new Uint8Array(1_200_000)]).stream();
    case "png":
      return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise]);
    case "zeros":
      return new Uint8Array(4096);
  }
}

/** Builds a request, or null when the Fetch API refuses the headers (no client could send them). */
function tryRequest(url: string, init: RequestInit): Request | null {
  try {
    return new Request(url, { ...init, duplex: "half" } as RequestInit);
  } catch {
    return null;
  }
}

export function routeFuzzes(
  world: FuzzWorld,
  handlers: RouteHandlers,
  cursors: string[],
): RouteFuzz[] {
  const upload: RouteFuzz = {
    target: "POST /api/files",
    writes: true,
    runs: 8,
    arbitrary: () =>
      fc.record({
        name: fileNames,
        type: fc.constantFrom(null, "application/pdf", "text/plain", "image/png", "", "x/y;;"),
        length: fc.constantFrom(null, "0", "-1", "abc", "1e400", "2097152", "1", ""),
        body: fc.constantFrom<UploadBody>(
          "empty",
          "none",
          "pdf",
          "broken-pdf",
          "half-pdf",
          "text",
          "noise",
          "huge",
          "png",
          "zeros",
        ),
        noise: fc.uint8Array({ maxLength: 512 }),
      }),
    request: (value) => {
      const v = value as {
        name: string | null;
        type: string | null;
        length: string | null;
        body: UploadBody;
        noise: Uint8Array;
      };
      const headers: Record<string, string> = {};
      if (v.name !== null) headers["x-file-name"] = v.name;
      if (v.type !== null) headers["content-type"] = v.type;
      if (v.length !== null) headers["content-length"] = v.length;
      const request = tryRequest(`${ORIGIN}/api/files`, {
        method: "POST",
        headers,
        body: uploadBytes(v.body, world.pdf, v.noise),
      });
      return request && { sent: JSON.stringify(headers), send: () => handlers.upload(request) };
    },
  };

  const { dinhcong, hoangliet } = world.records;
  const fileIds = [...dinhcong.files, ...hoangliet.files, world.secret.fileId];
  const hashes = [...dinhcong.hashes, ...hoangliet.hashes, world.secret.sha256];
  const download: RouteFuzz = {
    target: "GET /api/files/[fileId]",
    writes: false,
    runs: 10,
    arbitrary: () =>
      fc.record({
        fileId: fc.oneof(
          { arbitrary: fc.constantFrom(...fileIds), weight: 4 },
          { arbitrary: fc.uuid(), weight: 1 },
          { arbitrary: fc.constantFrom(...sharpUuids, "1", "../x", "%00", "", "null"), weight: 1 },
          { arbitrary: sharpString(), weight: 1 },
        ),
        query: fc.constantFrom(
          "",
          "?inline=1",
          "?inline=0",
          "?inline=%00",
          "?inline=1&inline=1",
          "?%%",
        ),
        etag: fc.option(fc.constantFrom(...hashes).map((h) => `"${h}"`)),
      }),
    request: (value) => {
      const v = value as { fileId: string; query: string; etag: string | null };
      const request = tryRequest(`${ORIGIN}/api/files/${encode(v.fileId)}${v.query}`, {
        headers: v.etag ? { "if-none-match": v.etag } : {},
      });
      const params = Promise.resolve({ fileId: v.fileId });
      return (
        request && {
          sent: `${v.fileId} ${v.query} ${v.etag ?? ""}`,
          send: () => handlers.download(request, { params }),
        }
      );
    },
  };

  const reports = (["registry-book", "follow-up-book", "outgoing-book", "handling"] as const).map(
    (name): RouteFuzz => ({
      target: `GET /api/reports/${name}`,
      writes: false,
      runs: 4,
      arbitrary: (user) =>
        fc.oneof(
          {
            arbitrary: procedureInputArbitrary(
              reportDownloadQuery,
              hintFor(world, cursors, user, "reports.download", false),
              cursors,
            ).map(queryString),
            weight: 4,
          },
          {
            arbitrary: fc.constantFrom(
              "",
              "?",
              "?from=%",
              "?from=2026-01-01&from=2026-02-01&to=2026-12-31",
              "?from=2026-01-01&to=2026-12-31&format=docx",
              "?%00=1",
              "?from=0000-01-01&to=0000-12-31",
              `?from=2026-01-01&to=2026-12-31&registryId=${hoangliet.registries[0]}`,
            ),
            weight: 1,
          },
        ),
      request: (value) => {
        const query = value as string;
        const request = tryRequest(`${ORIGIN}/api/reports/${name}${query}`, {});
        return request && { sent: query, send: () => handlers.reports[name](request) };
      },
    }),
  );

  const health: RouteFuzz = {
    target: "GET /api/health",
    writes: false,
    runs: 1,
    arbitrary: () => fc.constant(null),
    request: () => ({ sent: "", send: () => handlers.health() }),
  };

  return [upload, download, ...reports, health];
}

/** A fuzzed report query as the browser would put it in the URL. */
function queryString(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return `?${encode(String(value))}`;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    params.append(k, typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
  }
  return `?${params.toString()}`;
}
