export declare const PEER_HEADER: string;
export interface Mode {
  database: "postgres" | "embedded";
  demoAccounts: boolean;
  demoExplicit: boolean;
  localOutbox: boolean;
  demo: boolean;
  host: string;
  hostExplicit: boolean;
  allowRemote: boolean;
  production: boolean;
  refusal: string | null;
}
export declare function resolveMode(env?: NodeJS.ProcessEnv | Record<string, string | undefined>): Mode;
export declare function isLoopbackHost(host: string): boolean;
export declare function startupBlock(mode: Mode, port: number | string): string;
