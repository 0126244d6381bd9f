// Types for the untyped modules the benchmarks use (only what they call).
declare module "autocannon" {
  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
  }
  interface Instance extends PromiseLike<Result> {
    on(event: "response", fn: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
  }
  function autocannon(opts: Record<string, unknown>): Instance;
  export default autocannon;
}

declare module "*/scripts/needs-build.mjs" {
  export function needsBuild(): boolean;
}

declare module "*/floor/insert.mjs" {
  /** Inserts the posted form as a submitted input (bench/floor/insert.mjs); returns its id. */
  export function insertSubmission(form: FormData): Promise<string>;
  export function closeDatabase(): Promise<void>;
}
