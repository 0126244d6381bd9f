import * as z from "zod/mini";
import { optionalOrIgnored, searchTerms, topicId } from "@/lib/zod";
import { parseKeysetCursor } from "@/lib/cursor";

// The public listing's filters come from the URL: anything malformed is ignored, never a 500.
export const publicInputsFiltersSchema = z.object({
  consultation: optionalOrIgnored(z.string().check(z.regex(/^[a-z0-9-]{2,60}$/))),
  // A round by its slug (?round=2017): its consultations' inputs.
  round: optionalOrIgnored(z.string().check(z.regex(/^[a-z0-9-]{2,20}$/))),
  theme: optionalOrIgnored(topicId()),
  // Words, a reference or a named organisation.
  q: searchTerms(),
  // "<publishedAt ISO>_<id>" of the last row of the previous page.
  after: optionalOrIgnored(z.string().check(z.refine((s) => parseKeysetCursor(s) !== null))),
});
export type PublicInputsFilters = z.infer<typeof publicInputsFiltersSchema>;
