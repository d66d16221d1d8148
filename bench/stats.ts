/** Percentile of a sample by nearest rank (the sample is sorted in place). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  values.sort((a, b) => a - b);
  const rank = Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1));
  return values[rank] as number;
}

/** One figure per line, `name: value unit`, as `npm run bench` promises. */
export function report(name: string, value: number, unit: string, note = ''): void {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(2);
  console.log(`${name}: ${shown} ${unit}${note ? `  (${note})` : ''}`);
}
