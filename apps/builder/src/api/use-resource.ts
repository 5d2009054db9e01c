import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { readonly status: 'loading'; readonly data: T | undefined; readonly error: undefined }
  | { readonly status: 'ready'; readonly data: T; readonly error: undefined }
  | { readonly status: 'error'; readonly data: T | undefined; readonly error: unknown };

export interface ResourceHandle<T> {
  readonly state: Resource<T>;
  /** Loads again (after a change); the previous data stays visible meanwhile. */
  reload(): void;
  /** Replaces the data locally (after a write whose answer is the new value). */
  set(update: (current: T | undefined) => T): void;
}

/**
 * Loads data for a screen and reloads it when `key` changes. Only the answer to the latest
 * request is kept: a slow answer to an older search never overwrites a newer one.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, key: string): ResourceHandle<T> {
  const [state, setState] = useState<Resource<T>>({ status: 'loading', data: undefined, error: undefined });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ status: 'loading', data: current.data, error: undefined }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((current) => ({ status: 'error', data: current.data, error }));
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const set = useCallback((update: (current: T | undefined) => T) => setState((current) => ({ status: 'ready', data: update(current.data), error: undefined })), []);
  return { state, reload, set };
}
