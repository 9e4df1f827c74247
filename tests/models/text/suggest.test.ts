import { describe, expect, it } from 'vitest';
import { closestName, didYouMean, editDistance } from '../../../src/models/text/suggest.ts';

describe(editDistance, () => {
  describe('having textbook pairs', () => {
    // kitten → sitten (k→s) → sittin (e→i) → sitting (+g).
    it('should give 3 for kitten / sitting', () => {
      expect(editDistance('kitten', 'sitting')).toBe(3);
    });

    // flaw → law (−f) → lawn (+n).
    it('should give 2 for flaw / lawn', () => {
      expect(editDistance('flaw', 'lawn')).toBe(2);
    });

    it('should give 1 for polarised / polarized (one substitution)', () => {
      expect(editDistance('polarised', 'polarized')).toBe(1);
    });

    // A transposition is two edits in Levenshtein distance (not Damerau).
    it('should count a swap of neighbours as 2 (ab / ba)', () => {
      expect(editDistance('ab', 'ba')).toBe(2);
    });
  });

  describe('having an empty or identical string', () => {
    it('should give the other string\'s length against an empty string', () => {
      expect(editDistance('', 'tempo')).toBe(5);
      expect(editDistance('tempo', '')).toBe(5);
      expect(editDistance('', '')).toBe(0);
    });

    it('should give 0 for identical strings', () => {
      expect(editDistance('threshold', 'threshold')).toBe(0);
    });
  });

  describe('having strings in either order', () => {
    it('should be symmetric', () => {
      for (const [a, b] of [['pyramidal', 'pyramid'], ['hiit', 'high-volume'], ['taper', 'tapering']] as const) {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
      }
    });
  });

  describe('having letters of different case', () => {
    it('should count them as different (case is the caller\'s business)', () => {
      expect(editDistance('Tempo', 'tempo')).toBe(1);
    });
  });
});

describe(closestName, () => {
  const designs = ['polarized', 'pyramidal', 'threshold', 'hiit', 'high-volume', 'taper'];

  describe('having a misspelt name close to a known one', () => {
    // threshhold → threshold: 1 deletion; allowed floor(10 / 3) = 3.
    it('should return the known name', () => {
      expect(closestName('threshhold', designs)).toBe('threshold');
      expect(closestName('polarised', designs)).toBe('polarized');
    });

    it('should ignore case', () => {
      expect(closestName('POLARIZED', designs)).toBe('polarized');
    });
  });

  describe('having a name at the edge of the threshold (a third of its letters)', () => {
    // 'abcdxy' (6 letters) may differ in floor(6 / 3) = 2: distance 2 is accepted, 3 is not.
    it('should accept 2 edits in a 6-letter name and reject 3', () => {
      expect(closestName('abcdxy', ['abcdef'])).toBe('abcdef');
      expect(closestName('abcxyz', ['abcdef'])).toBeUndefined();
    });

    // Short names may always differ in one letter: max(1, floor(2 / 3)) = 1.
    it('should never call a one- or two-letter name close (arm "c" is not a misspelt "a")', () => {
      expect(closestName('ax', ['ab'])).toBeUndefined();
      expect(closestName('c', ['a'])).toBeUndefined();
      expect(closestName('abx', ['abc'])).toBe('abc');
    });
  });

  describe('having nothing close', () => {
    it('should return undefined', () => {
      expect(closestName('marathon', designs)).toBeUndefined();
    });

    it('should return undefined for an empty list of names', () => {
      expect(closestName('polarized', [])).toBeUndefined();
    });
  });

  describe('having two names equally close', () => {
    // cat → bat and cat → hat are both 1 edit.
    it('should return the first of them', () => {
      expect(closestName('cat', ['bat', 'hat'])).toBe('bat');
      expect(closestName('cat', ['hat', 'bat'])).toBe('hat');
    });
  });

  describe('having names from any iterable', () => {
    it('should accept the keys of a Map', () => {
      const catalogue = new Map([['hill-sprints', 0], ['tempo-run', 1]]);
      expect(closestName('hill-sprint', catalogue.keys())).toBe('hill-sprints');
    });
  });
});

describe(didYouMean, () => {
  describe('having a close name', () => {
    it('should give the suggestion with a leading space, quoted', () => {
      expect(didYouMean('polarised', ['polarized', 'threshold'])).toBe(' (did you mean "polarized"?)');
    });
  });

  describe('having no close name', () => {
    it('should give an empty string', () => {
      expect(didYouMean('marathon', ['polarized', 'threshold'])).toBe('');
    });
  });
});
