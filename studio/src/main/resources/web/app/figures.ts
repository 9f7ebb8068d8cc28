/** A coefficient as a reader expects it: two decimals, or a dash where it is undefined for these data. */
export function figure(value?: number | null): string {
  return value === undefined || value === null || Number.isNaN(value) ? '\u2014' : value.toFixed(2);
}

/** A share as a percentage with no decimals. */
export function percent(value?: number | null): string {
  return value === undefined || value === null ? '\u2014' : `${Math.round(value * 100)} %`;
}
