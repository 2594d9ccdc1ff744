/** Figures for `npm run bench`: one JSON line each. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  n: number;
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i] ?? 0;
}

export function print(f: Figure): void {
  process.stdout.write(`${JSON.stringify({ ...f, value: Math.round(f.value * 1000) / 1000 })}\n`);
}

export async function time<T>(fn: () => Promise<T> | T): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function sample(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await time(() => fn(i)));
  return out;
}

export function printPercentiles(name: string, samples: number[]): void {
  print({ name: `${name}.p50_ms`, value: percentile(samples, 50), unit: 'ms', n: samples.length });
  print({ name: `${name}.p95_ms`, value: percentile(samples, 95), unit: 'ms', n: samples.length });
}
