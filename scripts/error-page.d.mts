import type { IncomingMessage, ServerResponse } from "node:http";
export declare function loadErrorPages(dir?: string): Record<string, Buffer>;
export declare function isDocumentRequest(req: IncomingMessage): boolean;
export declare function localeOf(req: IncomingMessage): string;
export declare function guardErrorDocument(req: IncomingMessage, res: ServerResponse, pages: Record<string, Buffer>): void;
