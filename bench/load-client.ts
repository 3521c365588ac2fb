// HTTP for the load test: one kept-alive connection per signed-in user (a browser tab's), tRPC
// over GET and POST in superjson's wire format, and every way a request can fail turned into one
// short description, so that a failure is counted and shown rather than thrown.
import http from "node:http";

export type Reply = {
  ok: boolean;
  status: number;
  ms: number;
  /** tRPC's `result.data.json`, or the plain JSON of a route. */
  data?: unknown;
  /** Why it failed: the tRPC message, the HTTP status or the network error. */
  error?: string;
};

export type Session = { cookie: string; agent: http.Agent };

/** A request that has not answered in this time is a failure, not a long sample. */
const TIMEOUT_MS = 30_000;

/**
 * An idle kept-alive connection is closed by the client after this time, before the server
 * (Node.js closes one after 5 s) can close it under a request being sent, which would be a
 * reset; browsers retry such a request, this client counts it as an error.
 */
const IDLE_MS = 4_000;

export const newAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1, timeout: IDLE_MS });

export function send(
  baseUrl: string,
  session: Session,
  request: {
    method: "GET" | "POST";
    path: string;
    body?: Buffer;
    headers?: http.OutgoingHttpHeaders;
  },
): Promise<{ status: number; body: string; ms: number }> {
  const url = new URL(request.path, baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: request.method,
        agent: session.agent,
        timeout: TIMEOUT_MS,
        headers: {
          cookie: session.cookie,
          ...(request.body ? { "content-length": request.body.length } : {}),
          ...request.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", reject);
    req.end(request.body);
  });
}

type TrpcBody = {
  result?: { data?: { json?: unknown } };
  error?: { json?: { message?: string; data?: { code?: string } } };
};

function trpcReply(status: number, body: string, ms: number): Reply {
  let parsed: TrpcBody;
  try {
    parsed = JSON.parse(body) as TrpcBody;
  } catch {
    return { ok: false, status, ms, error: `HTTP ${status}, not JSON: ${body.slice(0, 120)}` };
  }
  if (parsed.error || status < 200 || status >= 300 || !parsed.result) {
    const e = parsed.error?.json;
    return {
      ok: false,
      status,
      ms,
      error: `HTTP ${status} ${e?.data?.code ?? ""} ${e?.message ?? body.slice(0, 120)}`.trim(),
    };
  }
  return { ok: true, status, ms, data: parsed.result.data?.json };
}

async function attempt(run: () => Promise<Reply>): Promise<Reply> {
  const started = performance.now();
  try {
    return await run();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return {
      ok: false,
      status: 0,
      ms: performance.now() - started,
      error: `network ${e.code ?? ""} ${e.message}`.trim(),
    };
  }
}

/** A tRPC query, as the browser's client sends it without batching. */
export const query = (baseUrl: string, session: Session, path: string, input?: unknown) =>
  attempt(async () => {
    const search =
      input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const res = await send(baseUrl, session, { method: "GET", path: `/api/trpc/${path}${search}` });
    return trpcReply(res.status, res.body, res.ms);
  });

export const mutate = (baseUrl: string, session: Session, path: string, input: unknown) =>
  attempt(async () => {
    const res = await send(baseUrl, session, {
      method: "POST",
      path: `/api/trpc/${path}`,
      body: Buffer.from(JSON.stringify({ json: input })),
      headers: { "content-type": "application/json" },
    });
    return trpcReply(res.status, res.body, res.ms);
  });

/** `GET /api/health`: healthy only when it answers 200 with `status: "ok"`. */
export const health = (baseUrl: string, session: Session) =>
  attempt(async () => {
    const res = await send(baseUrl, session, { method: "GET", path: "/api/health" });
    const ok = res.status === 200 && res.body.includes('"ok"');
    return ok
      ? { ok, status: res.status, ms: res.ms }
      : {
          ok,
          status: res.status,
          ms: res.ms,
          error: `HTTP ${res.status} ${res.body.slice(0, 120)}`,
        };
  });

/** Uploads a file as the reception form does (POST /api/files); answers its SHA-256. */
export async function upload(
  baseUrl: string,
  session: Session,
  file: { name: string; type: string; bytes: Uint8Array },
): Promise<string> {
  const res = await send(baseUrl, session, {
    method: "POST",
    path: "/api/files",
    body: Buffer.from(file.bytes),
    headers: { "content-type": file.type, "x-file-name": encodeURIComponent(file.name) },
  });
  if (res.status !== 201) throw new Error(`Upload of ${file.name}: HTTP ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { sha256: string }).sha256;
}
