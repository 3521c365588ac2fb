/** The fields whose value differs, as `{ field: { from, to } }`: what an audit event records of an edit. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (before[key] !== to) changes[key] = { from: before[key], to };
  }
  return changes;
}
