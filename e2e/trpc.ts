import { expect, type Page } from "@playwright/test";

/**
 * Requests the way the app's own tRPC client sends them (superjson's `{ json }` envelope), as
 * the person signed in on `page`: a query (GET) unless `mutation` is set.
 */
export async function call<T>(
  page: Page,
  procedure: string,
  input?: unknown,
  { mutation = false } = {},
): Promise<T> {
  const url = `/api/trpc/${procedure}`;
  const envelope = { json: input ?? null };
  const response = mutation
    ? await page.request.post(url, { data: envelope })
    : await page.request.get(`${url}?input=${encodeURIComponent(JSON.stringify(envelope))}`);
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}
