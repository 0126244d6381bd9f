import "server-only";
import { pingDatabase } from "@/db/client";

/** Whether the database answers now (pages show the error text when it does not). */
export async function databaseReachable(): Promise<boolean> {
  try {
    await pingDatabase();
    return true;
  } catch {
    return false;
  }
}
