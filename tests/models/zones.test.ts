import { describe, expect, it } from 'vitest';
import { assertShares, fiveToThreeZone, normalizeShares } from '../../src/models/zones.ts';

describe('assertShares', () => {
  describe('having fractions that add up to 1', () => {
    it('should accept 80/5/15', () => {
      expect(() => assertShares({ z1: 0.8, z2: 0.05, z3: 0.15 })).not.toThrow();
    });

    it('should accept a sum within the default tolerance of 0.01 (0.995)', () => {
      expect(() => assertShares({ z1: 0.8, z2: 0.05, z3: 0.145 })).not.toThrow();
    });
  });

  describe('having a sum off by more than the tolerance', () => {
    it('should reject 0.8 + 0.05 + 0.1 = 0.95', () => {
      expect(() => assertShares({ z1: 0.8, z2: 0.05, z3: 0.1 })).toThrow(RangeError);
      expect(() => assertShares({ z1: 0.8, z2: 0.05, z3: 0.1 })).toThrow(/add up to 1/);
    });

    it('should reject percentages given instead of fractions', () => {
      expect(() => assertShares({ z1: 80, z2: 5, z3: 15 })).toThrow(RangeError);
    });

    it('should accept 0.95 when the caller widens the tolerance to 0.05', () => {
      expect(() => assertShares({ z1: 0.8, z2: 0.05, z3: 0.1 }, 0.05)).not.toThrow();
    });
  });

  describe('having a negative or non-finite share', () => {
    it('should reject a negative Z2 even when the sum is 1', () => {
      expect(() => assertShares({ z1: 0.9, z2: -0.1, z3: 0.2 })).toThrow(/non-negative/);
    });

    it('should reject NaN', () => {
      expect(() => assertShares({ z1: Number.NaN, z2: 0.5, z3: 0.5 })).toThrow(RangeError);
    });
  });
});

describe('normalizeShares', () => {
  describe('having minutes in each zone', () => {
    // 240 + 15 + 45 = 300 min: 240/300 = 0.8, 15/300 = 0.05, 45/300 = 0.15.
    it('should divide each zone by the total', () => {
      const shares = normalizeShares({ z1: 240, z2: 15, z3: 45 });
      expect(shares.z1).toBeCloseTo(0.8, 12);
      expect(shares.z2).toBeCloseTo(0.05, 12);
      expect(shares.z3).toBeCloseTo(0.15, 12);
    });

    // 90 + 0 + 30 = 120 min: 0.75 / 0 / 0.25.
    it('should keep a zone with no minutes at 0', () => {
      expect(normalizeShares({ z1: 90, z2: 0, z3: 30 })).toEqual({ z1: 0.75, z2: 0, z3: 0.25 });
    });
  });

  describe('having no minutes at all', () => {
    it('should throw a RangeError', () => {
      expect(() => normalizeShares({ z1: 0, z2: 0, z3: 0 })).toThrow(RangeError);
      expect(() => normalizeShares({ z1: 0, z2: 0, z3: 0 })).toThrow(/all zero/);
    });
  });

  describe('having negative minutes', () => {
    it('should throw a RangeError', () => {
      expect(() => normalizeShares({ z1: 60, z2: -5, z3: 10 })).toThrow(RangeError);
    });
  });
});

describe('fiveToThreeZone', () => {
  describe('having 5-zone shares (Seiler & Kjerland 2006 mapping)', () => {
    // 5-zone 1 + 2 → Z1: 0.5 + 0.3 = 0.8; Zone 3 → Z2: 0.05; Zones 4 + 5 → Z3: 0.1 + 0.05 = 0.15.
    it('should pool Zones 1–2 into Z1, keep Zone 3 as Z2 and pool Zones 4–5 into Z3', () => {
      const shares = fiveToThreeZone({ z1: 0.5, z2: 0.3, z3: 0.05, z4: 0.1, z5: 0.05 });
      expect(shares.z1).toBeCloseTo(0.8, 12);
      expect(shares.z2).toBeCloseTo(0.05, 12);
      expect(shares.z3).toBeCloseTo(0.15, 12);
    });

    // The naming trap: all time in 5-zone "Zone 2" is easy running, i.e. 3-zone Z1, not Z2.
    it('should put all-"Zone 2" 5-zone training into 3-zone Z1', () => {
      expect(fiveToThreeZone({ z1: 0, z2: 1, z3: 0, z4: 0, z5: 0 })).toEqual({ z1: 1, z2: 0, z3: 0 });
    });
  });

  describe('having 5-zone shares that do not add up to 1', () => {
    it('should throw a RangeError', () => {
      expect(() => fiveToThreeZone({ z1: 0.5, z2: 0.3, z3: 0.05, z4: 0.1, z5: 0.2 })).toThrow(
        /add up to 1/,
      );
    });
  });
});
