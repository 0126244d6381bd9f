"use client";
import { useEffect } from "react";

/** Marks the page interactive (html[data-hydrated]): end-to-end tests wait for it before typing,
 *  as text typed before hydration may be replaced by the form library's first render. */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
