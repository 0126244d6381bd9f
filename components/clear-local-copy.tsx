"use client";
import { useEffect } from "react";

/** Once the server has the input, the browser's unsent copy is no longer needed. */
export function ClearLocalCopy({ storageKey }: { storageKey: string }) {
  useEffect(() => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // Storage unavailable: nothing to clear.
    }
  }, [storageKey]);
  return null;
}
