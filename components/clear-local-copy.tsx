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

// After the organisation was deleted, every unsent copy this browser holds of its inputs goes too:
// keys gcm-input:CONSULTATION:ORGANISATION (new inputs) and gcm-edit:ORGANISATION:… (edits).
export function ClearOrganisationCopies({ organisationId }: { organisationId: string }) {
  useEffect(() => {
    try {
      const doomed: string[] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key) continue;
        if (
          (key.startsWith("gcm-input:") && key.endsWith(`:${organisationId}`)) ||
          key.startsWith(`gcm-edit:${organisationId}:`)
        )
          doomed.push(key);
      }
      for (const key of doomed) localStorage.removeItem(key);
    } catch {
      // Storage unavailable: nothing to clear.
    }
  }, [organisationId]);
  return null;
}
