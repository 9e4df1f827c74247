import { UNCERTAIN_PARAMETERS, type Parameters, type UncertainParameter } from '../../models/parameters.ts';
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
 * The knobs: every uncertain constant of the parameter set that is marked for calibration
 * (UNCERTAIN_PARAMETERS in src/models/parameters.ts, `calibrate: true`), its prior range the
 * search's bounds. The priors and the knobs are one list: a constant is searched within the range
 * its sources allow, and nowhere else.
 */
export const KNOBS: readonly Knob[] = knobsOf(UNCERTAIN_PARAMETERS);

export function knobsOf(uncertain: readonly UncertainParameter[]): Knob[] {
  return uncertain
    .filter((p) => p.calibrate === true)
    .map((p) => ({ paths: [p.path], range: [p.low, p.high] as const, scale: p.low > 0 && p.high / p.low >= 3 ? 'log' : 'linear', why: p.why }));
}

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
