"use client";

import { useCallback, useRef, useState } from "react";
import { errorMessage } from "./api-request";

/**
 * Runs API calls one at a time: `pending` while one runs, `error` the text of the last refusal.
 * A call started while another runs is not sent (a double click, a second Enter). `run` resolves
 * to true when the call succeeded; a refusal goes to `onError` when given (a form puts it on its
 * fields), else to `error`. useApiForm sends through this too, so every client call that tracks
 * pending and failure does it here.
 */
export function useApiCall() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const running = useRef(false);

  const run = useCallback(async (call: () => Promise<unknown>, onError?: (error: unknown) => void) => {
    if (running.current) return false;
    running.current = true;
    setPending(true);
    setError(undefined);
    try {
      await call();
      return true;
    } catch (failure) {
      if (onError) onError(failure);
      else setError(errorMessage(failure));
      return false;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(undefined), []);

  return { pending, error, run, clearError };
}
