import { decode } from "next-auth/jwt";

/** The session a signed-in browser carries: who, and which epoch of their sessions. */
export type SessionClaims = { userId: string; sessionEpoch: number };

/** Auth.js names the cookie with the `__Secure-` prefix when the site is served over HTTPS. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** Reads the named cookie from a Cookie header, joining the `name.0`, `name.1` … chunks Auth.js
 * writes for a large token. */
export function sessionCookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  let whole: string | null = null;
  const chunks: [number, string][] = [];
  for (const pair of cookieHeader.split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!value) continue;
    if (key === name) whole = value;
    else if (key.startsWith(`${name}.`)) {
      const index = Number(key.slice(name.length + 1));
      if (Number.isInteger(index) && index >= 0) chunks.push([index, value]);
    }
  }
  if (whole) return whole;
  if (chunks.length === 0) return null;
  return chunks
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v)
    .join("");
}

type Cached = { claims: SessionClaims; expiresAt: number };

/**
 * Decodes session cookies, remembering what each token said. A token is an encrypted and
 * authenticated JWE: the same string always decodes to the same claims, so a remembered token
 * needs no second decryption until it expires. Whether the session still counts (user active,
 * epoch current) is decided by the database on every request, not here.
 */
export class SessionDecoder {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly secret: string,
    private readonly capacity = 2000,
  ) {}

  async fromCookieHeader(cookieHeader: string | null): Promise<SessionClaims | null> {
    for (const name of SESSION_COOKIES) {
      const token = sessionCookieValue(cookieHeader, name);
      if (token) return this.decodeToken(token, name);
    }
    return null;
  }

  private async decodeToken(token: string, salt: string): Promise<SessionClaims | null> {
    const key = `${salt}\n${token}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit) {
      if (hit.expiresAt > now) return hit.claims;
      this.cache.delete(key);
      return null;
    }
    let payload: Record<string, unknown> | null;
    try {
      payload = await decode({ token, secret: this.secret, salt });
    } catch {
      // Tampered, expired, or sealed with another secret: nobody is signed in.
      return null;
    }
    const userId = payload?.sub;
    const sessionEpoch = payload?.sessionEpoch;
    const exp = payload?.exp;
    if (typeof userId !== "string" || !userId || typeof sessionEpoch !== "number") return null;
    if (typeof exp !== "number") return null;
    const claims = { userId, sessionEpoch };
    if (this.cache.size >= this.capacity) {
      // Oldest first: a Map iterates in insertion order.
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, { claims, expiresAt: exp * 1000 });
    return claims;
  }
}
