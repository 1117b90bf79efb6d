/**
 * Remembers how to close the process's task pool once one has started, so that a command's exit path can close
 * it without loading the pool module (and piscina) when no command used threads.
 */
let closeStarted: (() => Promise<void>) | undefined;

/** Called by the task pool module when the process's pool starts. */
export function rememberStartedPool(close: () => Promise<void>): void {
  closeStarted = close;
}

/** Closes the process's task pool if one was started; does nothing otherwise. */
export async function closeStartedPool(): Promise<void> {
  const close = closeStarted;
  closeStarted = undefined;
  await close?.();
}
