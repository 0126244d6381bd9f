// Domain errors thrown by lib/ functions and turned into translated messages by the action pipeline.
// `code` is a key in the "errors" message namespace.

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number = 400,
    readonly values: Record<string, string | number> = {},
    /** The form field the error belongs beside (the action pipeline shows it there). */
    readonly field?: string,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

/** Signed in, but not allowed. Pages render 403; actions say so without revealing data. */
export class ForbiddenError extends DomainError {
  constructor() {
    super("forbidden", 403);
  }
}

/** Absent, or invisible to this actor (we do not reveal which). */
export class NotFoundError extends DomainError {
  constructor() {
    super("notFound", 404);
  }
}

/** Someone changed the record since the form was loaded. */
export class ConflictError extends DomainError {
  constructor(code = "conflict") {
    super(code, 409);
  }
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === "23505" || err?.cause?.code === "23505";
}

// postgres.js connection errors, and PostgreSQL's "shutting down / starting up / connection" classes.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** The database could not be reached (down, restarting, connection lost): worth trying again soon. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (
    let err = e as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    err && depth < 5;
    err = err.cause as typeof err, depth++
  ) {
    const code = typeof err.code === "string" ? err.code : "";
    if (
      UNAVAILABLE_CODES.has(code) ||
      code.startsWith("08") ||
      code === "57P01" ||
      code === "57P02" ||
      code === "57P03"
    )
      return true;
  }
  return false;
}
