// The fields of the GET filter forms (published inputs, the moderation queue, registrations): plain
// form controls that keep their value from the query, so filtering works without JavaScript.

const control = "rounded border border-slate-500 px-2 py-1";

/** The search box (name "q") with its label and, below it, a hint that describes it. */
export function SearchField({
  id,
  hintId,
  label,
  hint,
  defaultValue,
}: {
  id: string;
  hintId: string;
  label: string;
  hint: string;
  defaultValue: string;
}) {
  return (
    <div className="flex w-full max-w-md flex-col text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <span id={hintId} className="text-xs text-slate-700">
        {hint}
      </span>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        dir="auto"
        aria-describedby={hintId}
        className={control}
      />
    </div>
  );
}

/**
 * A select inside its label; with `any`, a first empty option (no filter) named by it. `width`
 * limits the select (say, "max-w-xs"); `labelClassName` replaces the label's usual classes.
 */
export function FilterSelect({
  name,
  label,
  defaultValue,
  options,
  any,
  width,
  labelClassName = "flex flex-col text-sm",
  testId,
}: {
  name: string;
  label: string;
  defaultValue: string | number | undefined;
  options: { value: string; label: string }[];
  any?: string;
  width?: string;
  labelClassName?: string;
  testId?: string;
}) {
  return (
    <label className={labelClassName}>
      <span className="font-medium">{label}</span>
      <select
        name={name}
        defaultValue={defaultValue === undefined ? "" : String(defaultValue)}
        className={width ? `${width} ${control}` : control}
        data-testid={testId}
      >
        {any === undefined ? null : <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A date (from, to) inside its label. */
export function DateFilter({ name, label, defaultValue }: { name: string; label: string; defaultValue: string }) {
  return (
    <label className="flex flex-col text-sm">
      <span className="font-medium">{label}</span>
      <input type="date" name={name} defaultValue={defaultValue} className={control} />
    </label>
  );
}
