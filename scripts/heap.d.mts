export declare const DEFAULT_HEAP_MB: number;
export declare function heapFlag(env?: NodeJS.ProcessEnv): string;
export declare function serverNodeOptions(env?: NodeJS.ProcessEnv): string;
