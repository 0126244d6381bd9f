import type { IncomingMessage, ServerResponse } from "node:http";
export interface ErrorPages {
  error: Record<string, Buffer>;
  notFoundMain: Record<string, string>;
}
export declare const LOCALES: readonly string[];
export declare function loadErrorPages(dir?: string): ErrorPages;
export declare function isDocumentRequest(req: IncomingMessage): boolean;
export declare function localeOf(req: IncomingMessage): string;
export declare function guardErrorDocument(req: IncomingMessage, res: ServerResponse, pages: ErrorPages): void;
