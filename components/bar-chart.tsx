// A horizontal bar chart drawn on the server: an HTML table (its caption the chart's title, each row
// a label and its number, read as such by screen readers) whose bars are small SVGs hidden from
// assistive technology. Long labels wrap, the table reads right to left in Arabic (the bars grow
// from the right there), and no script or chart library reaches the browser. bar-label, bar-cell and
// bar-value: app/globals.css.

export interface BarChartRow {
  key: string;
  label: string;
  value: number;
  /** Shown on hover, and read, when the label is a short form (a theme's full name). */
  title?: string;
  /** A link from the label, e.g. to the queue filtered by this row. */
  href?: string;
}

export function BarChart({
  caption,
  rows,
  formatValue = String,
  empty,
  testId,
  max,
}: {
  caption: string;
  rows: BarChartRow[];
  formatValue?: (n: number) => string;
  /** Said instead of an empty table. */
  empty: string;
  testId?: string;
  /** The value of a full bar (by default the largest row's). */
  max?: number;
}) {
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value), 1);
  return (
    <figure className="rounded border border-slate-300 p-3" data-testid={testId}>
      <table className="w-full text-sm">
        <caption className="mb-1 text-start font-semibold">{caption}</caption>
        {rows.length === 0 ? (
          <tbody>
            <tr>
              <td>{empty}</td>
            </tr>
          </tbody>
        ) : (
          <tbody>
            {rows.map((r) => {
              const width = Math.max(r.value > 0 ? 1 : 0, Math.round((r.value / top) * 100));
              return (
                <tr key={r.key} className="align-top" data-testid="chart-row">
                  <th scope="row" className="bar-label" title={r.title}>
                    {r.href ? (
                      <a href={r.href} className="text-brand underline">
                        {r.label}
                      </a>
                    ) : (
                      r.label
                    )}
                  </th>
                  <td className="bar-cell">
                    <svg
                      aria-hidden="true"
                      focusable="false"
                      viewBox="0 0 100 10"
                      preserveAspectRatio="none"
                      className="block h-3 w-full rtl:-scale-x-100"
                    >
                      <rect x="0" y="0" width="100" height="10" className="fill-slate-100" />
                      <rect x="0" y="0" width={width} height="10" className="fill-brand" />
                    </svg>
                  </td>
                  <td className="bar-value" data-testid="chart-value">
                    {formatValue(r.value)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        )}
      </table>
    </figure>
  );
}
