import seedrandom from 'seedrandom';

/**
 * Random streams. Each athlete draws from its own streams, one per purpose, derived from
 * (scenario seed, athlete index, purpose) — so results do not depend on how athletes are split
 * across workers or shards, adding draws for one purpose never shifts another, and every arm can
 * replay the same streams (common random numbers) for paired comparisons.
 *
 * seedrandom (Alea) turns the key into 128 bits of state; the draws themselves come from
 * xoshiro128** (Blackman & Vigna 2018), which is fast and allocation-free, and normal variates from
 * the ziggurat method (Marsaglia & Tsang 2000, J Stat Softw 5(8)) with the layer index taken from a
 * separate draw, which removes the correlation Doornik (2005) found in the original.
 */
/** Every purpose an athlete draws for, in a fixed order; new purposes go at the end. */
export const STREAM_PURPOSES = ['traits', 'events', 'sleep', 'illness', 'markers', 'rpe', 'tests', 'wear', 'injury', 'stress'] as const;
export type StreamPurpose = (typeof STREAM_PURPOSES)[number];

export class RandomStream {
  private readonly state = new Int32Array(4);

  /** A stream from a 4-word seed; without one, a fixed non-zero state (reseed it before use). */
  constructor(seed?: Int32Array) {
    this.state[0] = 1;
    if (seed !== undefined) this.reseed(seed);
  }

  /** Sets the state from 4 words at `offset` of `seed` (a saved state or a derived seed). */
  reseed(seed: Int32Array, offset = 0): void {
    const state = this.state;
    for (let i = 0; i < 4; i++) state[i] = seed[offset + i]!;
    if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  }

  /** Copies the current state to 4 words at `offset` of `out`, to replay the stream later. */
  saveTo(out: Int32Array, offset = 0): void {
    const state = this.state;
    for (let i = 0; i < 4; i++) out[offset + i] = state[i]!;
  }

  /** Next 32 random bits as a signed integer (xoshiro128**). */
  nextInt32(): number {
    const s = this.state;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]!;
    const s3 = s[3]!;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = (n3 << 11) | (n3 >>> 21);
    return result;
  }

  /** Uniform on [0, 1), 32-bit resolution. */
  uniform(): number {
    return (this.nextInt32() >>> 0) * 2.3283064365386963e-10;
  }

  /** Uniform on (0, 1]: safe under a logarithm. */
  uniformPositive(): number {
    return ((this.nextInt32() >>> 0) + 1) * 2.3283064365386963e-10;
  }

  /**
   * Fills out[0..count) with standard normal variates, the same ones as `count` calls of `normal`.
   * The daily loop draws through here: a double returned from a call that is not inlined is boxed.
   */
  normals(out: Float64Array, count: number): void {
    for (let i = 0; i < count; i++) out[i] = this.normal();
  }

  /** Standard normal variate (ziggurat, 128 layers). */
  normal(): number {
    const layer = this.nextInt32() & 127;
    const hz = this.nextInt32();
    if (Math.abs(hz) < ZIGGURAT_K[layer]!) return hz * ZIGGURAT_W[layer]!;
    // The rare path takes its arguments and leaves its variate in a typed array: passing or returning
    // a number through a call that is not inlined boxes it (hz is outside the small-integer range half
    // the time), and would cost an allocation on every draw, not just the rare ones.
    const slow = this.slow;
    slow[0] = hz;
    slow[1] = layer;
    this.normalSlow();
    return slow[0]!;
  }

  private readonly slow = new Float64Array(2);

  private normalSlow(): void {
    const slow = this.slow;
    slow[0] = this.normalSlowFrom(slow[0]!, slow[1]!);
  }

  private normalSlowFrom(hz: number, layer: number): number {
    for (;;) {
      const x = hz * ZIGGURAT_W[layer]!;
      if (layer === 0) {
        let tail: number;
        let y: number;
        do {
          tail = -Math.log(this.uniformPositive()) / ZIGGURAT_R;
          y = -Math.log(this.uniformPositive());
        } while (y + y < tail * tail);
        return hz > 0 ? ZIGGURAT_R + tail : -ZIGGURAT_R - tail;
      }
      if (ZIGGURAT_F[layer]! + this.uniform() * (ZIGGURAT_F[layer - 1]! - ZIGGURAT_F[layer]!) < Math.exp(-0.5 * x * x)) return x;
      layer = this.nextInt32() & 127;
      hz = this.nextInt32();
      if (Math.abs(hz) < ZIGGURAT_K[layer]!) return hz * ZIGGURAT_W[layer]!;
    }
  }
}

const ZIGGURAT_R = 3.442619855899;
const ZIGGURAT_K = new Float64Array(128);
const ZIGGURAT_W = new Float64Array(128);
const ZIGGURAT_F = new Float64Array(128);
(function buildZigguratTables() {
  const m1 = 2147483648;
  const area = 9.91256303526217e-3;
  let dn = ZIGGURAT_R;
  let tn = dn;
  const q = area / Math.exp(-0.5 * dn * dn);
  ZIGGURAT_K[0] = (dn / q) * m1;
  ZIGGURAT_K[1] = 0;
  ZIGGURAT_W[0] = q / m1;
  ZIGGURAT_W[127] = dn / m1;
  ZIGGURAT_F[0] = 1;
  ZIGGURAT_F[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(area / dn + Math.exp(-0.5 * dn * dn)));
    ZIGGURAT_K[i + 1] = (dn / tn) * m1;
    tn = dn;
    ZIGGURAT_F[i] = Math.exp(-0.5 * dn * dn);
    ZIGGURAT_W[i] = dn / m1;
  }
})();

/**
 * The seeds of all of an athlete's streams at once (4 words per purpose, in STREAM_PURPOSES order)
 * from one Alea keyed by "periodize:<seed>:<athlete>": cheaper than one key per purpose, and each
 * purpose still has its own 128 bits.
 */
export function deriveAthleteSeeds(seed: number, athlete: number, out: Int32Array): Int32Array {
  const alea = seedrandom.alea(`periodize:${seed}:${athlete}`);
  for (let i = 0; i < STREAM_PURPOSES.length * 4; i++) out[i] = alea.int32();
  return out;
}

/** The seed of one arm's final-test errors, keyed by "periodize:<seed>:<athlete>:final-tests:<arm>". */
export function deriveFinalTestSeed(seed: number, athlete: number, arm: number, out: Int32Array): Int32Array {
  const alea = seedrandom.alea(`periodize:${seed}:${athlete}:final-tests:${arm}`);
  for (let i = 0; i < 4; i++) out[i] = alea.int32();
  return out;
}

/** The 128-bit seed of one stream: the `purpose` slice of deriveAthleteSeeds. */
export function deriveStreamSeed(seed: number, athlete: number, purpose: StreamPurpose, out: Int32Array): Int32Array {
  const all = deriveAthleteSeeds(seed, athlete, new Int32Array(STREAM_PURPOSES.length * 4));
  const start = STREAM_PURPOSES.indexOf(purpose) * 4;
  out.set(all.subarray(start, start + 4));
  return out;
}

/** Creates the stream for (seed, athlete, purpose). */
export function openStream(seed: number, athlete: number, purpose: StreamPurpose): RandomStream {
  return new RandomStream(deriveStreamSeed(seed, athlete, purpose, new Int32Array(4)));
}

/**
 * A stream keyed by a string (Alea → 128 bits of state), for the draws of an analysis rather than
 * of an athlete: `keyedStream('periodize:morris:1')`.
 */
export function keyedStream(key: string): RandomStream {
  const alea = seedrandom.alea(key);
  const words = new Int32Array(4);
  for (let i = 0; i < 4; i++) words[i] = alea.int32();
  return new RandomStream(words);
}
