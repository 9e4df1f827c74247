/** The values as an array, checked: at least `least` of them, every one finite (RangeError otherwise). */
export function finiteValues(values: ArrayLike<number>, least: number, what: string): number[] {
  if (values.length < least) throw new RangeError(`${what} needs at least ${least === 2 ? 'two' : least} values (got ${values.length})`);
  const out = Array.from(values);
  out.forEach((value, i) => {
    if (!Number.isFinite(value)) throw new RangeError(`values must be finite (got ${value} at ${i})`);
  });
  return out;
}
