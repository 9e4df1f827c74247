import { describe, expect, it } from 'vitest';
import { allocatedBytes } from '../../bench/allocation.ts';

describe("bench/allocation.ts (the bench's bytes allocated per athlete-day)", () => {
  it('should count what a loop allocates, freed or not, and next to nothing for a loop that allocates nothing', async () => {
    let sum = 0;
    const n = 200_000;
    // A Float64Array of 16: 128 bytes of elements and the object around them, dead at once.
    const arrays = await allocatedBytes(() => {
      for (let i = 0; i < n; i++) {
        const a = new Float64Array(16);
        a[0] = i;
        sum += a[0]!;
      }
    });
    expect(arrays / n).toBeGreaterThan(128);
    expect(arrays / n).toBeLessThan(320);
    // Small integers are never boxed (a double in unoptimised code, or a captured one, would be: an allocation each).
    const none = await allocatedBytes(() => {
      let local = 0;
      for (let i = 0; i < 10 * n; i++) local = (local + i) & 0xffff;
      sum += local;
    });
    expect(none / n).toBeLessThan(1);
    expect(sum).toBeGreaterThan(0);
  });
});
