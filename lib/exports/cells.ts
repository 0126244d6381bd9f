// Spreadsheet safety: a cell starting with =, +, -, @, tab or carriage return is a formula to Excel,
// LibreOffice and Sheets. Prefixing an apostrophe makes it inert text (OWASP's advice).
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function cell(value: string | number | boolean | null | undefined): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return neutralise(value);
}
