import type { Parameters } from '../../models/parameters.ts';
import { didYouMean } from '../../models/text/suggest.ts';

/*
 * Parameters named by their dotted path in the parameter set — `pools.central.halfStimulus`,
 * `pools.central.zoneWeights.0` (an element by its index) — as `npm run calibrate -- --set` and
 * the calibration knobs (knobs.ts) name them.
 */

/** The value at `path`; a RangeError naming the first key that is not there (with a suggestion). */
export function parameterAt(parameters: Parameters, path: string): unknown {
  let node: unknown = parameters;
  const keys = path.split('.');
  keys.forEach((key, i) => {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) {
      const known = typeof node === 'object' && node !== null ? Object.keys(node) : [];
      const at = i === 0 ? '' : ` in ${keys.slice(0, i).join('.')}`;
      throw new RangeError(`no parameter "${key}"${at}${didYouMean(key, known)}`);
    }
    node = (node as Record<string, unknown>)[key];
  });
  return node;
}

/** The number at `path`; a RangeError when there is none, or what is there is not a number. */
export function numberAt(parameters: Parameters, path: string): number {
  const value = parameterAt(parameters, path);
  if (typeof value !== 'number') throw new RangeError(`parameter ${path} is not a number`);
  return value;
}

/**
 * Sets the value at `path`, in place (on a copy the caller made: `structuredClone(PARAMETERS)`).
 * The new value must be of the old one's kind — a number for a number, an array of as many
 * elements for an array — so that a typo cannot add a key the model never reads.
 */
export function setParameter(parameters: Parameters, path: string, value: unknown): void {
  const old = parameterAt(parameters, path);
  if (kindOf(old) !== kindOf(value)) throw new RangeError(`parameter ${path} is ${kindOf(old)}, not ${kindOf(value)}`);
  const keys = path.split('.');
  const parent = keys.length === 1 ? parameters : parameterAt(parameters, keys.slice(0, -1).join('.'));
  (parent as Record<string, unknown>)[keys.at(-1)!] = value;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return `a ${typeof value}`;
}
