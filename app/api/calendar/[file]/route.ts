import { getDb } from "@/db/client";
import { feedCalendar } from "@/server/calendar/feed-content";
import { unsafeOpenFeed } from "@/server/calendar/feeds";
import { env } from "@/server/env";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

/**
 * A private calendar subscription (`/api/calendar/<secret>.ics`) for phone and desktop calendar
 * applications, which send no session: the secret is the credential, and an unknown, renewed or
 * revoked one is simply not found.
 */
export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  if (!file.endsWith(".ics")) return notFound();
  const db = getDb();
  const feed = await unsafeOpenFeed(db, file.slice(0, -".ics".length));
  if (!feed) return notFound();
  const content = await feedCalendar(db, feed, env.PUBLIC_URL);
  return new Response(content, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "x-robots-tag": "noindex",
    },
  });
}
