import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { SessionDecoder, sessionCookieValue } from "./session-cookie";

const secret = "a-test-secret-that-is-long-enough-for-auth-js";
const name = "authjs.session-token";

const seal = (claims: Record<string, unknown>, options: { maxAge?: number; salt?: string } = {}) =>
  encode({ token: claims, secret, salt: options.salt ?? name, maxAge: options.maxAge ?? 3600 });

describe("the session cookie", () => {
  it("reads the user and session epoch that sign-in sealed", async () => {
    const token = await seal({ sub: "u-1", sessionEpoch: 3 });
    const decoder = new SessionDecoder(secret);
    const header = `NEXT_LOCALE=vi; ${name}=${token}; other=1`;
    expect(await decoder.fromCookieHeader(header)).toEqual({ userId: "u-1", sessionEpoch: 3 });
    // A second request with the same cookie gets the same answer.
    expect(await decoder.fromCookieHeader(header)).toEqual({ userId: "u-1", sessionEpoch: 3 });
  });

  it("reads the secure cookie of a site served over HTTPS", async () => {
    const secure = `__Secure-${name}`;
    const token = await seal({ sub: "u-2", sessionEpoch: 0 }, { salt: secure });
    expect(await new SessionDecoder(secret).fromCookieHeader(`${secure}=${token}`)).toEqual({
      userId: "u-2",
      sessionEpoch: 0,
    });
  });

  it("joins a token split into chunks", async () => {
    const token = await seal({ sub: "u-3", sessionEpoch: 1 });
    const half = Math.floor(token.length / 2);
    const header = `${name}.1=${token.slice(half)}; ${name}.0=${token.slice(0, half)}`;
    expect(sessionCookieValue(header, name)).toBe(token);
    expect(await new SessionDecoder(secret).fromCookieHeader(header)).toMatchObject({
      userId: "u-3",
    });
  });

  it("signs nobody in with a tampered, foreign, expired or incomplete token", async () => {
    const decoder = new SessionDecoder(secret);
    const token = await seal({ sub: "u-4", sessionEpoch: 1 });
    const flipped = token.slice(0, -3) + (token.endsWith("A") ? "BBB" : "AAA");
    expect(await decoder.fromCookieHeader(`${name}=${flipped}`)).toBeNull();
    const foreign = await encode({
      token: { sub: "u-4", sessionEpoch: 1 },
      secret: "another-secret-that-is-also-long-enough-here",
      salt: name,
    });
    expect(await decoder.fromCookieHeader(`${name}=${foreign}`)).toBeNull();
    // Auth.js allows 15 s of clock skew; this one expired a minute ago.
    const expired = await seal({ sub: "u-4", sessionEpoch: 1 }, { maxAge: -60 });
    expect(await decoder.fromCookieHeader(`${name}=${expired}`)).toBeNull();
    const noEpoch = await seal({ sub: "u-4" });
    expect(await decoder.fromCookieHeader(`${name}=${noEpoch}`)).toBeNull();
    // The cookie of the other scheme is sealed with another salt.
    expect(await decoder.fromCookieHeader(`__Secure-${name}=${token}`)).toBeNull();
    expect(await decoder.fromCookieHeader(null)).toBeNull();
    expect(await decoder.fromCookieHeader("NEXT_LOCALE=en")).toBeNull();
  });

  it("forgets a remembered token once it expires", async () => {
    const decoder = new SessionDecoder(secret);
    const token = await seal({ sub: "u-5", sessionEpoch: 1 }, { maxAge: 1 });
    expect(await decoder.fromCookieHeader(`${name}=${token}`)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1100));
    expect(await decoder.fromCookieHeader(`${name}=${token}`)).toBeNull();
  });
});
