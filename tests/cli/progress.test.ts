import { describe, expect, it } from 'vitest';
import { progressTail } from '../../src/cli/progress.ts';

describe(progressTail, () => {
  it('should give the time left at the pace so far', () => {
    expect(progressTail(250, 1000, 10, true)).toBe('ETA 30s');
    expect(progressTail(100, 1000, 10, true)).toBe('ETA 1m30s');
    expect(progressTail(1, 1000, 5, true)).toBe('ETA 83m15s');
  });

  it('should say what is left once every athlete is done: the summary, or only writing for a shard', () => {
    expect(progressTail(1000, 1000, 40, true)).toBe('summarising: bootstrap intervals…');
    expect(progressTail(1000, 1000, 40, false)).toBe('writing…');
  });

  it('should not guess before the first athlete', () => {
    expect(progressTail(0, 1000, 0, true)).toBe('ETA —');
  });
});
