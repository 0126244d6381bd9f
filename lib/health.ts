import "server-only";
import { pingDatabase } from "@/db/client";

// A page view without a session asks whether the database answers (the layout shows the error text
// when it does not). Under load that is a round trip per view for a yes: a yes is taken as still
// true for a second. A no is never kept, and an outage inside that second fails as a mid-render one would.
const FRESH_MS = 1000;
let answeredAt = -Infinity;

/** Whether the database answers now (pages show the error text when it does not). */
export async function databaseReachable(): Promise<boolean> {
  if (performance.now() - answeredAt < FRESH_MS) return true;
  try {
    await pingDatabase();
    answeredAt = performance.now();
    return true;
  } catch {
    answeredAt = -Infinity;
    return false;
  }
}
