import { useEffect, useState } from 'react';

/**
 * The current time in milliseconds, refreshed every `intervalMs`, so screens
 * that depend on it (a start that has passed, a closing policy window) update
 * without a reload.
 */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
