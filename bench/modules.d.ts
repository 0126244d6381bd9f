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
