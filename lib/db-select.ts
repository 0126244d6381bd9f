import "server-only";
// Columns that several domains select the same way.
import { sql, type SQL } from "drizzle-orm";
import { organisations, users } from "@/db/schema";

/** Who did it: the user's name, else their e-mail; null where the (left-joined) user row is missing. */
export const userLabel = sql<string | null>`coalesce(${users.name}, ${users.email})`;

/** An organisation's name and country where `named` holds: a row that may not carry them never holds them. */
export const organisationIfNamed = (named: SQL) => ({
  orgName: sql<string | null>`case when ${named} then ${organisations.name} end`,
  orgCountry: sql<string | null>`case when ${named} then ${organisations.country} end`,
});
