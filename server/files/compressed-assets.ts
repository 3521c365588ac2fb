import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export type AssetEncoding = "br" | "gzip";

/**
 * The encoding to send a static asset in, from the request's Accept-Encoding: brotli when the
 * browser takes it, else gzip, else none. A coding given q=0 is refused by the browser.
 */
export function preferredEncoding(accept: string | null): AssetEncoding | null {
  if (!accept) return null;
  const offered = new Map<string, number>();
  for (const part of accept.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) offered.set(name, q === undefined ? 1 : Number(q));
  }
  const takes = (coding: string) => (offered.get(coding) ?? offered.get("*") ?? 0) > 0;
  if (takes("br")) return "br";
  if (takes("gzip")) return "gzip";
  return null;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const cache = new Map<string, Promise<Buffer>>();

/**
 * An immutable asset (the key names its version) compressed once per process and kept: the first
 * request pays a fraction of a second, every later one is served from memory.
 */
export function compressedAsset(
  key: string,
  body: Buffer,
  encoding: AssetEncoding,
): Promise<Buffer> {
  const id = `${encoding}:${key}`;
  let packed = cache.get(id);
  if (!packed) {
    packed =
      encoding === "br"
        ? brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 9,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : gzipped(body, { level: 9 });
    packed.catch(() => cache.delete(id));
    cache.set(id, packed);
  }
  return packed;
}
