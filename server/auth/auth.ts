import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { env } from "../env";
import { authenticate } from "./authenticate";
import { SessionDecoder, type SessionClaims } from "./session-cookie";

/** Carries why a sign-in failed to the sign-in form; never says whether the user exists. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/sign-in" },
  logger: {
    // Refused sign-ins are expected; they are answered on the form, not logged as errors.
    error(error) {
      if (
        error instanceof CredentialsSignin ||
        (error as { type?: string }).type === "CredentialsSignin"
      )
        return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials) {
        const login = typeof credentials.login === "string" ? credentials.login : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        if (login.length > 200 || password.length > 200) throw new SignInRefused("invalid");
        const result = await authenticate(getDb(), login, password);
        if (result.ok) return { id: result.userId, sessionEpoch: result.sessionEpoch };
        if (result.reason === "locked")
          throw new SignInRefused(`locked:${result.until.toISOString()}`);
        throw new SignInRefused(result.reason);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionEpoch = (user as { sessionEpoch?: number }).sessionEpoch ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        userId: token.sub ?? "",
        sessionEpoch: typeof token.sessionEpoch === "number" ? token.sessionEpoch : -1,
      };
    },
  },
});

let decoder: SessionDecoder | null = null;

/**
 * The session a Cookie header carries, or null when nobody is signed in. The cookie is decoded
 * here rather than through `auth()`, which would also re-seal a refreshed token that a server
 * component or route handler cannot send back anyway.
 */
export async function sessionFromCookieHeader(
  cookieHeader: string | null,
): Promise<SessionClaims | null> {
  // Without a secret no session can have been issued (`npm start` always provides one).
  if (!env.AUTH_SECRET) return null;
  decoder ??= new SessionDecoder(env.AUTH_SECRET);
  return decoder.fromCookieHeader(cookieHeader);
}

/** The signed-in session of the request being served (server components, route handlers). */
export async function currentSession(): Promise<SessionClaims | null> {
  return sessionFromCookieHeader((await headers()).get("cookie"));
}
