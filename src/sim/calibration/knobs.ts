import type { Parameters } from '../../models/parameters.ts';
import { numberAt, setParameter } from './parameter-path.ts';

/**
 * The constants the calibration search fits (bench/calibration-search.ts), as data: which
 * parameters, within which prior range, on which scale. They are the constants no study pins down;
 * everything else in the parameter set is fixed from its source. The physiology work replaces this
 * list with its own; the search reads nothing else.
 */
export interface Knob {
  /** The parameters set to the knob's value; several are tied (one value for all of them). */
  paths: readonly string[];
  /**
   * The knob is a multiple of this parameter, which is set first (an earlier knob, or fixed): it
   * keeps a constant within a few-fold of another, or an order between two.
   */
  relativeTo?: string;
  /** The prior range of the knob's value (of the multiple, with `relativeTo`): the search's bounds. */
  range: readonly [low: number, high: number];
  /** How the search moves along the range: `log` for a positive scale factor, `linear` otherwise. */
  scale: 'log' | 'linear';
  /** Why it is searched, and why within this range. */
  why: string;
}

/**
 * Today's knobs: the ten constants the committed parameter set was searched over (docs/CALIBRATION.md,
 * "The method"). Where the former search clamped a knob, the range is that clamp; where it had no
 * bound, a factor of 4 either side of the committed value — a search range, not an informed prior,
 * until the physiology work gives each a prior of its own.
 */
export const KNOBS: readonly Knob[] = [
  {
    paths: ['pools.central.halfStimulus'],
    range: [0.67, 10.7],
    scale: 'log',
    why: 'the chronic stimulus that supports half the VO2max headroom; no study gives it',
  },
  {
    paths: ['pools.peripheral.halfStimulus'],
    relativeTo: 'pools.central.halfStimulus',
    range: [0.5, 4],
    scale: 'log',
    // An unbounded search switched the peripheral pool off (halfStimulus → ∞) rather than calibrate it.
    why: "kept within a few-fold of the central pool's, so that the peripheral pool stays a pool",
  },
  {
    paths: ['pools.central.zoneWeights.0', 'pools.peripheral.zoneWeights.0'],
    range: [0.05, 0.8],
    scale: 'log',
    why: 'what an easy minute does for VO2max and LT2 against a minute above LT2 (weight 1)',
  },
  {
    paths: ['habitual.consistency'],
    range: [0.5, 1],
    scale: 'log',
    why: "the share of the reported habitual week an athlete's starting fitness reflects",
  },
  {
    paths: ['fatigue.performancePerStrain'],
    range: [0.015, 0.05],
    scale: 'log',
    why: 'performance lost per unit of strain² on test day',
  },
  {
    paths: ['pools.peripheral.riseDays'],
    range: [10, 35],
    scale: 'log',
    // Unbounded, the search set rise times of one day.
    why: 'how fast the peripheral pool rises toward its supported level',
  },
  {
    paths: ['pools.central.riseDays'],
    range: [10, 35],
    scale: 'log',
    why: 'how fast the central pool rises toward its supported level',
  },
  {
    paths: ['levels.trained.responsivenessMedian'],
    range: [1, 4],
    scale: 'log',
    why: "selection on trainability: a level's median responsiveness at least the level's below (untrained and recreational 1)",
  },
  {
    paths: ['levels.well-trained.responsivenessMedian'],
    relativeTo: 'levels.trained.responsivenessMedian',
    range: [1, 6],
    scale: 'log',
    why: 'selection on trainability, as above',
  },
  {
    paths: ['levels.elite.responsivenessMedian'],
    relativeTo: 'levels.well-trained.responsivenessMedian',
    // The former search kept this multiple ≥ 1 (selection, as above); the committed value, 0.56,
    // was set by hand below it for the elite band (docs/CALIBRATION.md), so the range includes it.
    range: [0.25, 1.5],
    scale: 'log',
    why: 'elite athletes are closer to their ceilings; the elite band needs a median below well-trained',
  },
];

/** The knob's value in a parameter set (the multiple, for a knob relative to another parameter). */
export function knobValue(knob: Knob, parameters: Parameters): number {
  const value = numberAt(parameters, knob.paths[0]!);
  return knob.relativeTo === undefined ? value : value / numberAt(parameters, knob.relativeTo);
}

/** Sets a knob's parameters to `value` (× the parameter it is relative to), in place. */
export function setKnob(knob: Knob, parameters: Parameters, value: number): void {
  const absolute = knob.relativeTo === undefined ? value : value * numberAt(parameters, knob.relativeTo);
  for (const path of knob.paths) setParameter(parameters, path, absolute);
}

/** A value of the knob's range as a position in [0, 1] along its scale (clamped to the range). */
export function toUnit(knob: Knob, value: number): number {
  const [low, high] = knob.range;
  const t = knob.scale === 'log' ? Math.log(value / low) / Math.log(high / low) : (value - low) / (high - low);
  return Math.min(1, Math.max(0, t));
}

/** The value at position `t` in [0, 1] along the knob's range and scale. */
export function fromUnit(knob: Knob, t: number): number {
  const [low, high] = knob.range;
  return knob.scale === 'log' ? low * (high / low) ** t : low + t * (high - low);
}

/**
 * The parameter set at a point of the search (one position in [0, 1] per knob): a copy of `base`
 * with every knob set in list order, so that a knob relative to an earlier one follows it.
 */
export function parametersAt(base: Parameters, knobs: readonly Knob[], point: readonly number[]): Parameters {
  const parameters = structuredClone(base);
  knobs.forEach((knob, i) => setKnob(knob, parameters, fromUnit(knob, point[i]!)));
  return parameters;
}
