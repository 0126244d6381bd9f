// Every value in every table of a database, as text: for tests that prove data is gone (or kept).
// Tables and columns come from information_schema, so a table added later is scanned too; bytea is
// read as escaped text, so text inside stored files is visible.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown;
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
}

/** Table name ("schema.table") → every row's values joined, one row per line. */
export async function textOfEveryTable(db: Db): Promise<Map<string, string>> {
  const tables = await rowsOf<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`,
  );
  const out = new Map<string, string>();
  for (const t of tables) {
    const cols = await rowsOf<{ name: string; type: string }>(
      db,
      sql`select column_name as name, data_type as type from information_schema.columns
          where table_schema = ${t.schema} and table_name = ${t.name} order by ordinal_position`,
    );
    if (cols.length === 0) continue;
    const parts = cols.map((c) =>
      c.type === "bytea"
        ? sql`coalesce(encode(${sql.identifier(c.name)}, 'escape'), '')`
        : sql`coalesce(${sql.identifier(c.name)}::text, '')`,
    );
    const rows = await rowsOf<{ line: string }>(
      db,
      sql`select ${sql.join(parts, sql` || ' | ' || `)} as line from ${sql.identifier(t.schema)}.${sql.identifier(t.name)}`,
    );
    out.set(`${t.schema}.${t.name}`, rows.map((r) => r.line).join("\n"));
  }
  return out;
}

/** Which of `markers` occur where (case-insensitive): marker → tables. */
export function whereFound(tables: Map<string, string>, markers: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [name, text] of tables) {
    const lower = text.toLowerCase();
    for (const m of markers) if (lower.includes(m.toLowerCase())) (found[m] ??= []).push(name);
  }
  return found;
}
