import { type DependencyList, useEffect, useState } from 'react';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; error: unknown };

/** Loads data for a screen, cancelling the request when the screen leaves or its inputs change. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Load<T> {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  // biome-ignore-start lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setResult({ state: 'ready', data }),
      (error: unknown) => !controller.signal.aborted && setResult({ state: 'failed', error }),
    );
    return () => controller.abort();
  }, deps);
  // biome-ignore-end lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  return result;
}
