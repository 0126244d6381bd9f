// Where the end-to-end servers write their output (stdout and stderr), one file in each server's
// DATA_DIR, so that e2e/log-check.ts can prove the logs hold no personal data. One id per run: the
// config is loaded by the runner and by every worker, which inherit the id from the environment.
import path from "node:path";

export const e2eRunId = (process.env.E2E_RUN_ID ??= Date.now().toString(36));

export const serverDataDirs = {
  embedded: `.data/e2e-${e2eRunId}`,
  postgres: `.data/e2e-pg-${e2eRunId}`,
  // The second instance e2e/two-instances.spec.ts starts on the same PostgreSQL database.
  postgresSecond: `.data/e2e-pg2-${e2eRunId}`,
} as const;

export const serverLogPath = (dataDir: string) => path.join(dataDir, "server.log");
