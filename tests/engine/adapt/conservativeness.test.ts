import { describe, expect, it } from 'vitest';
import { CONSERVATIVENESS, conservativeness } from '../../../src/engine/adapt/conservativeness.ts';
import { ACTION_NAMES } from '../../../src/models/rules/schema.ts';

describe(conservativeness, () => {
  describe('having the table', () => {
    it('should rank every action of the vocabulary', () => {
      expect(Object.keys(CONSERVATIVENESS).sort()).toEqual([...ACTION_NAMES].sort());
    });
  });

  describe('having actions with numbers of their own', () => {
    it('should rank less volume by the share it takes off: 5 + (1 − factor)', () => {
      expect(conservativeness({ action: 'scaleVolume', scope: 'today', factor: 0.8 })).toBeCloseTo(5.2, 12);
      expect(conservativeness({ action: 'scaleVolume', scope: 'today', factor: 0.5 })).toBeCloseTo(5.5, 12);
    });

    it('should rank a deload by its volume, 0.7 when the rule gives none', () => {
      expect(conservativeness({ action: 'insertDeloadWeek' })).toBeCloseTo(7.3, 12);
      expect(conservativeness({ action: 'insertDeloadWeek', volume: 0.5 })).toBeCloseTo(7.5, 12);
    });

    it('should rank more volume the lower, the larger the step', () => {
      expect(conservativeness({ action: 'progress', scope: 'today', factor: 1.2 })).toBeCloseTo(-1.2, 12);
    });

    it('should keep each band between its neighbours at the ends of the schema\'s ranges', () => {
      const rest = conservativeness({ action: 'rest', scope: 'today' });
      const easy = conservativeness({ action: 'makeHardSessionsEasy', scope: 'today' });
      const postpone = conservativeness({ action: 'postponeHardSession' });
      const design = conservativeness({ action: 'shiftDesign', scope: 'nextMicrocycle', design: 'x' });
      const keep = conservativeness({ action: 'keepPlan' });
      const forward = conservativeness({ action: 'bringForwardHardSession' });
      expect(conservativeness({ action: 'insertDeloadWeek', volume: 0.2 })).toBeLessThan(easy);
      expect(conservativeness({ action: 'insertDeloadWeek', volume: 1 })).toBeGreaterThan(postpone);
      expect(conservativeness({ action: 'scaleVolume', scope: 'today', factor: 0.2 })).toBeLessThan(postpone);
      expect(conservativeness({ action: 'scaleVolume', scope: 'today', factor: 1 })).toBeGreaterThan(design);
      expect(conservativeness({ action: 'progress', scope: 'today', factor: 1 })).toBeLessThan(keep);
      expect(conservativeness({ action: 'progress', scope: 'today', factor: 1.3 })).toBeGreaterThan(forward);
      expect(rest).toBeGreaterThan(easy);
    });
  });
});
