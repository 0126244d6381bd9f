// Links built from stored text (an organisation's website): only http(s) URLs become an href. The
// schema already refuses anything else; this keeps rows written before it, or by other means, inert.

/** The URL when it is an absolute http: or https: URL, else null (render it as text, if at all). */
export function httpHref(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
