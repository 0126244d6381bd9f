// Spreadsheet safety: a cell starting with =, +, -, @, tab or carriage return is a formula to Excel,
// LibreOffice and Sheets. Prefixing an apostrophe makes it inert text (OWASP's advice). Used for
// CSV, which a spreadsheet parses; an XLSX text cell is never parsed, so it needs no guard.
export function neutralise(value: string): string {
  // Character codes of = + - @ tab CR: this runs for every field of every row.
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value;
}
