import type { ReactNode } from "react";

/** A header cell: its label, or its label with its own classes (instead of the table's usual ones). */
export type Column = ReactNode | { label: ReactNode; className: string };

function isOwn(c: Column): c is { label: ReactNode; className: string } {
  return typeof c === "object" && c !== null && "label" in c && "className" in c;
}

/**
 * A table's head (thead): one row of header cells (th, scope="col"), each with `cellClassName`
 * unless the column brings its own (say, the last one without the padding between columns).
 * A column given as null or false (one that a page shows only sometimes) is left out.
 */
export function TableHead({
  columns,
  cellClassName = "text-start",
  rowClassName = "border-b",
  className,
}: {
  columns: (Column | null | false)[];
  cellClassName?: string;
  rowClassName?: string;
  /** The `<thead>`'s own classes. */
  className?: string;
}) {
  return (
    <thead className={className}>
      <tr className={rowClassName}>
        {columns.map((c, i) =>
          c === null || c === false ? null : isOwn(c) ? (
            <th key={i} scope="col" className={c.className}>
              {c.label}
            </th>
          ) : (
            <th key={i} scope="col" className={cellClassName}>
              {c}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
