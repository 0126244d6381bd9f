// Domain errors thrown by lib/ functions and turned into translated messages by the action pipeline.
// `code` is a key in the "errors" message namespace.

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number = 400,
    readonly values: Record<string, string | number> = {},
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
