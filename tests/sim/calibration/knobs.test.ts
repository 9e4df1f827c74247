import { describe, expect, it } from 'vitest';
import { PARAMETERS, UNCERTAIN_PARAMETERS } from '../../../src/models/parameters.ts';
import { fromUnit, KNOBS, knobsOf, knobValue, parametersAt, toUnit, type Knob } from '../../../src/sim/calibration/knobs.ts';
import { numberAt, setParameter } from '../../../src/sim/calibration/parameter-path.ts';

describe(knobsOf, () => {
  it('should take the priors marked for calibration, their ranges the bounds, log scale where a range spans 3× or more', () => {
    const knobs = knobsOf([
      { path: 'pools.central.halfStimulus', low: 1, high: 8, why: 'a', calibrate: true },
      { path: 'habitual.consistency', low: 0.5, high: 0.9, why: 'b', calibrate: true },
      { path: 'fatigue.vdrGain', low: 0.2, high: 1.2, why: 'fixed, in the sensitivity table only' },
    ]);
    expect(knobs.map((k) => [k.paths[0], k.range, k.scale])).toEqual([
      ['pools.central.halfStimulus', [1, 8], 'log'],
      ['habitual.consistency', [0.5, 0.9], 'linear'],
    ]);
  });

  it('should make every calibrated prior of the parameter set a knob, and nothing else', () => {
    expect(KNOBS.map((k) => k.paths[0])).toEqual(UNCERTAIN_PARAMETERS.filter((p) => p.calibrate === true).map((p) => p.path));
  });
});

describe('UNCERTAIN_PARAMETERS', () => {
  it('should name numbers of the parameter set, each within its own range', () => {
    for (const p of UNCERTAIN_PARAMETERS) {
      const value = numberAt(PARAMETERS, p.path);
      expect(value, p.path).toBeGreaterThanOrEqual(Math.min(p.low, p.high));
      expect(value, p.path).toBeLessThanOrEqual(Math.max(p.low, p.high));
    }
  });
});

describe('KNOBS', () => {
  it('should name parameters that exist, each knob relative only to a parameter set before it', () => {
    KNOBS.forEach((knob, i) => {
      for (const path of knob.paths) expect(() => numberAt(PARAMETERS, path)).not.toThrow();
      if (knob.relativeTo === undefined) return;
      expect(() => numberAt(PARAMETERS, knob.relativeTo!)).not.toThrow();
      const later = KNOBS.slice(i).flatMap((k) => k.paths);
      expect(later, `${knob.paths[0]} is relative to a later knob`).not.toContain(knob.relativeTo);
    });
  });

  // The search starts from the committed parameter set: it must lie within every prior range.
  it('should have the committed value of every knob within its range', () => {
    for (const knob of KNOBS) {
      const value = knobValue(knob, PARAMETERS);
      expect(value, knob.paths[0]).toBeGreaterThanOrEqual(knob.range[0]);
      expect(value, knob.paths[0]).toBeLessThanOrEqual(knob.range[1]);
    }
  });

  it('should give back the committed parameter set at the start point', () => {
    const start = KNOBS.map((knob) => toUnit(knob, knobValue(knob, PARAMETERS)));
    const again = parametersAt(PARAMETERS, KNOBS, start);
    for (const knob of KNOBS) for (const path of knob.paths) expect(numberAt(again, path)).toBeCloseTo(numberAt(PARAMETERS, path), 10);
  });
});

describe(parametersAt, () => {
  describe('having a knob relative to another and a tied pair', () => {
    const knobs: Knob[] = [
      { paths: ['pools.central.halfStimulus'], range: [1, 4], scale: 'log', why: 'x' },
      { paths: ['pools.peripheral.halfStimulus'], relativeTo: 'pools.central.halfStimulus', range: [1, 3], scale: 'linear', why: 'x' },
      { paths: ['pools.central.zoneWeights.0', 'pools.peripheral.zoneWeights.0'], range: [0.1, 0.3], scale: 'linear', why: 'x' },
    ];
    // Position 0.5: log scale 1 · 4^0.5 = 2; linear 1 + 0.5 · 2 = 2 (× 2 = 4); 0.1 + 0.5 · 0.2 = 0.2.
    const parameters = parametersAt(PARAMETERS, knobs, [0.5, 0.5, 0.5]);

    it('should set each on its scale, the relative one as a multiple of the value set before it', () => {
      expect(parameters.pools.central.halfStimulus).toBeCloseTo(2, 12);
      expect(parameters.pools.peripheral.halfStimulus).toBeCloseTo(4, 12);
      expect(parameters.pools.central.zoneWeights[0]).toBeCloseTo(0.2, 12);
      expect(parameters.pools.peripheral.zoneWeights[0]).toBeCloseTo(0.2, 12);
    });

    it('should leave the committed parameter set as it was', () => {
      expect(PARAMETERS.pools.central.halfStimulus).not.toBeCloseTo(2, 6);
    });

    it('should map positions and values both ways', () => {
      expect(fromUnit(knobs[0]!, toUnit(knobs[0]!, 3))).toBeCloseTo(3, 12);
      expect(toUnit(knobs[0]!, 100)).toBe(1);
    });
  });
});

describe(setParameter, () => {
  it('should refuse a path that is not in the parameter set, with a suggestion', () => {
    expect(() => setParameter(structuredClone(PARAMETERS), 'pools.centrl.halfStimulus', 1)).toThrow('no parameter "centrl" in pools (did you mean "central"?)');
  });

  it('should refuse a value of another kind', () => {
    expect(() => setParameter(structuredClone(PARAMETERS), 'pools.central.zoneWeights', 1)).toThrow('is an array of 3, not a number');
  });

  it('should set an element of an array by its index', () => {
    const parameters = structuredClone(PARAMETERS);
    setParameter(parameters, 'pools.central.zoneWeights.1', 0.5);
    expect(parameters.pools.central.zoneWeights[1]).toBe(0.5);
  });
});
