import * as z from "zod";
import "@/lib/zod";
import { parseKeysetCursor } from "@/lib/cursor";

// The public listing's filters come from the URL: anything malformed is ignored, never a 500.
export const publicInputsFiltersSchema = z.object({
  consultation: z.string().regex(/^[a-z-]{2,40}$/).optional().catch(undefined),
  theme: z.coerce.number().int().min(1).max(6).optional().catch(undefined),
  // "<publishedAt ISO>_<id>" of the last row of the previous page.
  after: z
    .string()
    .refine((s) => parseKeysetCursor(s) !== null)
    .optional()
    .catch(undefined),
});
export type PublicInputsFilters = z.infer<typeof publicInputsFiltersSchema>;
