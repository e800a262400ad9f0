import { UsageError } from './args';

/** Summary of timing samples: median and nearest-rank 95th percentile (milliseconds). */
export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentiles.
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, p95: rank(0.95), min: sorted[0] };
}

/** Runs a benchmark's main: a failure is printed, and the exit code is 0 either way (a benchmark asserts nothing). */
export function runBenchmark(main: () => unknown): void {
  Promise.resolve()
    .then(main)
    .catch((e: unknown) => console.error(e instanceof UsageError ? `bench: ${e.message}` : `bench: failed: ${(e as Error)?.stack ?? e}`))
    .finally(() => {
      process.exitCode = 0;
    });
}
