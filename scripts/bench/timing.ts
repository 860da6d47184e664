// Timing shared by the benchmarks: BENCH_RUNS runs (default 30) after 3 warm-up runs.
export const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARM_UP = 3;

export function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)!, n: sorted.length };
}

/** Milliseconds per run of `run`, the warm-up left out. */
export async function timed(run: () => unknown) {
  const times: number[] = [];
  for (let i = 0; i < RUNS + WARM_UP; i += 1) {
    const start = performance.now();
    await run();
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  return percentiles(times);
}
