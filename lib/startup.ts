import "server-only";
import { getDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { startMailLoop } from "@/lib/mail/sender";
import { redactForLog } from "@/lib/redact";
import { startRetentionLoop } from "@/lib/registrations/retention";
import { resolveMode } from "@/scripts/mode.mjs";

export async function startServer(): Promise<void> {
  const e = env();
  // scripts/server.mjs refuses first; this covers a bare `next start`, which always runs as production.
  const { refusal } = resolveMode(process.env);
  if (refusal) {
    console.error(`[startup] ${refusal}`);
    process.exit(1);
  }
  try {
    const { driver } = await getDatabase();
    startMailLoop();
    startRetentionLoop();
    console.log(
      `[startup] database ready (${driver}${driver === "pglite" ? `, ${e.DATA_DIR}` : ""}), migrated and seeded`,
    );
  } catch (err) {
    console.error(`[startup] ${redactForLog((err as Error).message)}`);
    // A server that cannot open its database must not pretend to serve: exit with the reason.
    process.exit(1);
  }
}
