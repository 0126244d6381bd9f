export declare const MAX_FILE_BYTES: number;
export declare const MAX_FILES: number;
export declare const MAX_TEXT_FIELD_BYTES: number;
export declare const MAX_TEXT_TOTAL_BYTES: number;
export declare const MAX_FORWARDED_BYTES: number;
export declare const MARKER: { tooLarge: string; tooMany: string; badName: string };
export declare function boundaryOf(contentType: string | undefined | null): string | null;
export declare function limitMultipart(
  source: AsyncIterable<Buffer>,
  boundary: string,
  limits?: {
    maxFileBytes?: number;
    maxFiles?: number;
    jsonField?: (name: string) => boolean;
    requiredFields?: string[];
    arrayFields?: string[];
  },
): Promise<Buffer | null>;
