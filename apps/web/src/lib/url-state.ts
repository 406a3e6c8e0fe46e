import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

export type ParamUpdates = Record<string, string | number | null | undefined>;

export interface SetParamsOptions {
  /** Go back to page 1 (filters changed). Default true unless `page` is among the updates. */
  resetPage?: boolean;
  /** Replace the history entry instead of adding one (typing). Default false. */
  replace?: boolean;
}

/**
 * List state kept in the URL's search params, so filters survive a reload and
 * can be shared. `set` removes a param when its value is empty.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (updates: ParamUpdates, options: SetParamsOptions = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(updates)) {
            if (value === null || value === undefined || value === '') next.delete(name);
            else next.set(name, String(value));
          }
          if (options.resetPage ?? !('page' in updates)) next.delete('page');
          return next;
        },
        { replace: options.replace ?? false, preventScrollReset: true },
      );
    },
    [setParams],
  );
  return [params, set] as const;
}

/** A positive page number from `?page=`, 1 otherwise. */
export function readPage(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** Reads a param that must be one of `allowed`, else `fallback`. */
export function readChoice<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const value = params.get(name);
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * A text input bound to a search param, written to the URL `delay` ms after the
 * last keystroke (and page reset). Follows the URL when it changes elsewhere
 * (back button, "Clear filters").
 */
export function useDebouncedParam(name: string, delay = 300) {
  const [params, set] = useUrlParams();
  const urlValue = params.get(name) ?? '';
  const [text, setText] = useState(urlValue);
  const [synced, setSynced] = useState(urlValue);
  if (urlValue !== synced) {
    setSynced(urlValue);
    setText(urlValue);
  }
  const write = useDebouncedCallback((value: string) => set({ [name]: value }, { replace: true }), delay);
  const onChange = useCallback(
    (value: string) => {
      setText(value);
      write(value);
    },
    [write],
  );
  const clear = useCallback(() => {
    write.cancel();
    setText('');
  }, [write]);
  return { value: text, onChange, clear, debounced: urlValue };
}
