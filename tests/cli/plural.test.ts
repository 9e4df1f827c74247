import { describe, expect, it } from 'vitest';
import { counted, noun } from '../../src/models/text/plural.ts';

describe(counted, () => {
  it('should use the singular for one only', () => {
    expect([0, 1, 2, 1.5].map((n) => counted(n, 'week'))).toEqual(['0 weeks', '1 week', '2 weeks', '1.5 weeks']);
  });
});

describe(noun, () => {
  it('should give the word alone, for counts shown another way', () => {
    expect(noun(1, 'athlete')).toBe('athlete');
    expect(noun(1234, 'athlete')).toBe('athletes');
  });
});
