// The app's notion of "now". Scheduled work (trial windows, lead times, job run-at) reads it
// here so tests and the offline sandbox can move time forward without waiting.
let source: () => number = () => Date.now();
let refresher: (() => Promise<void>) | null = null;

export function now(): Date {
  return new Date(source());
}

export function setClockSource(next: () => number): void {
  source = next;
}

export function resetClock(): void {
  source = () => Date.now();
  refresher = null;
}

/** A clock kept elsewhere (the sandbox's) is read again before scheduled work runs. */
export function setClockRefresher(next: (() => Promise<void>) | null): void {
  refresher = next;
}

export async function refreshClock(): Promise<void> {
  await refresher?.();
}
