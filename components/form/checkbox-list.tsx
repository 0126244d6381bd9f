"use client";
// Choosing several from a long list (countries) without Ctrl-click: a list of checkboxes in a
// scrolling box. Without JavaScript it posts as it is (find a name with the browser's own search);
// with JavaScript a filter field narrows the list, and the chosen names are listed above it.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { LabelText } from "./fields";

export function CheckboxList({
  name,
  label,
  hint,
  options,
  chosen,
  errors,
  registration,
  optional = false,
  listOf,
}: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  /** What is ticked now (the form's live value with JavaScript, the server's values without). */
  chosen: string[];
  errors: string[];
  registration: UseFormRegisterReturn;
  optional?: boolean;
  /** Joins names as the UI language does (lib/i18n/names.ts's listOf, bound to the locale). */
  listOf: (items: string[]) => string;
}) {
  const t = useTranslations("form");
  const [enhanced, setEnhanced] = useState(false);
  const [filter, setFilter] = useState("");
  // The filter field exists only once the script runs: without it, it could not filter anything.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setEnhanced(true), []);
  const id = `field-${name}`;
  const needle = filter.trim().toLocaleLowerCase();
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
  const matches = (o: { label: string }) => !needle || fold(o.label).includes(fold(needle));
  const chosenNames = options.filter((o) => chosen.includes(o.value)).map((o) => o.label);
  const describedBy = [hint ? `${id}-hint` : null, `${id}-chosen`, errors.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset className="mb-4" aria-describedby={describedBy}>
      <legend id={id} tabIndex={-1} className="font-medium">
        <LabelText label={label} optional={optional} />
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-chosen`} className="mt-1 text-sm" aria-live="polite" data-testid={`${name}-chosen`}>
        {chosenNames.length ? t("chosen", { names: listOf(chosenNames) }) : t("noneChosen")}
      </p>
      {enhanced ? (
        <div className="mt-2">
          <label htmlFor={`${id}-filter`} className="block text-sm font-medium">
            {t("filterList", { list: label })}
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            // Enter in the filter must not send the form.
            onKeyDown={(e) => {
              if (e.key === "Enter") e.preventDefault();
            }}
            autoComplete="off"
            className="mt-1 block w-full max-w-sm rounded border border-slate-500 px-3 py-1"
          />
        </div>
      ) : null}
      <div className="mt-2 max-h-64 overflow-y-auto rounded border border-slate-400 p-2">
        <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          {options.map((o) => (
            <li key={o.value} hidden={!matches(o)}>
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  className="mt-1"
                  value={o.value}
                  defaultChecked={chosen.includes(o.value)}
                  {...registration}
                />
                <span>{o.label}</span>
              </label>
            </li>
          ))}
        </ul>
        {enhanced && !options.some(matches) ? <p className="text-sm">{t("noMatch")}</p> : null}
      </div>
      {errors.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
