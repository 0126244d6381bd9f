// Keyset cursors and dates that come from URLs: anything that is not a real instant PostgreSQL can
// store, or not a real UUID, is no cursor at all (the first page), never a 500.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Years PostgreSQL and JavaScript both hold without surprises (no year 0, no BC, no five digits).
const MIN_TIME = Date.UTC(1000, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const inRange = (t: number) => Number.isFinite(t) && t >= MIN_TIME && t <= MAX_TIME;

/** "2017-08-04" that names a real day (not 2017-02-30, not 2017-13-01) between years 1000 and 9999. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return inRange(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** "<ISO instant>_<uuid>" → its parts, or null when either part is not what it claims to be. */
export function parseKeysetCursor(cursor: string | undefined | null): { at: Date; id: string } | null {
  if (typeof cursor !== "string" || cursor.length > 80) return null;
  const sep = cursor.lastIndexOf("_");
  if (sep < 0) return null;
  const at = cursor.slice(0, sep);
  const id = cursor.slice(sep + 1);
  if (!UUID.test(id) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?Z$/.test(at)) return null;
  const t = Date.parse(at);
  if (!inRange(t)) return null;
  return { at: new Date(t), id: id.toLowerCase() };
}

/**
 * Every row of a keyset-ordered read, a batch at a time (bounded memory): `read(after)` reads the
 * `batch` rows after the cursor (null: from the start), and `cursorAfter(last)` is the cursor after a
 * batch's last row (null: nothing can follow it). The next batch is read only when asked for.
 */
export async function* keysetBatches<R, C>(
  batch: number,
  read: (after: C | null) => Promise<R[]>,
  cursorAfter: (last: R) => C | null,
): AsyncGenerator<R> {
  let after: C | null = null;
  for (;;) {
    const rows = await read(after);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = cursorAfter(last);
    if (after === null) return;
  }
}
