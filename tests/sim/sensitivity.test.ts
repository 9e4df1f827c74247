import { describe, expect, it } from 'vitest';
import type { UncertainParameter } from '../../src/models/parameters.ts';
import { KEY_CONTRASTS, sensitivityMarkdown, sensitivitySummary, type Swing } from '../../src/sim/sensitivity.ts';

const parameter = (path: string): UncertainParameter => ({ path, low: 0, high: 1, why: 'a test' });
const every = (value: (id: string) => number) => new Map(KEY_CONTRASTS.map((c) => [c.id, value(c.id)]));
const first = KEY_CONTRASTS[0]!.id;

/** Two constants: `a` moves the first contrast from +1 to +3 (its sign holds), `b` from −0.5 to +2 (its sign changes). */
const result = {
  base: every(() => 1),
  swings: [
    { parameter: parameter('a'), low: every(() => 1), high: every((id) => (id === first ? 3 : 1)) },
    { parameter: parameter('b'), low: every((id) => (id === first ? -0.5 : 1)), high: every((id) => (id === first ? 2 : 1)) },
  ] satisfies Swing[],
};

/** Each contrast's committed CI and model interval: 0.5 to 1.5, plausible models −0.2 to +2.4 around +1.1, three in four agreeing. */
const answers = new Map(KEY_CONTRASTS.map((c) => [c.id, { value: 1, ci95: [0.5, 1.5] as [number, number], model: { median: 1.1, interval90: [-0.2, 2.4] as [number, number], sameSign: 0.75, sets: 20 } }]));

describe(sensitivitySummary, () => {
  it('should give each contrast both intervals, its range over every constant, the constant that moves it most, and whether its sign holds', () => {
    const lines = sensitivitySummary(result, answers).split('\n');
    expect(lines).toHaveLength(2 + KEY_CONTRASTS.length);
    expect(lines[2]).toBe(`| ${first} | +1.00 [+0.50, +1.50] | +1.10 [−0.20, +2.40] | 75 % | −0.50 to +3.00 | \`b\` | changes in 1 range |`);
    expect(lines[3]).toBe(`| ${KEY_CONTRASTS[1]!.id} | +1.00 [+0.50, +1.50] | +1.10 [−0.20, +2.40] | 75 % | +1.00 to +1.00 | \`a\` | holds |`);
  });

  it('should give no sign to a contrast within a hair of zero, however its ranges or the plausible models move it', () => {
    const near = { base: every(() => 0.01), swings: result.swings };
    expect(sensitivitySummary(near, answers).split('\n')[2]).toBe(`| ${first} | +0.01 [+0.50, +1.50] | +1.10 [−0.20, +2.40] | — | −0.50 to +3.00 | \`b\` | none (≈ 0) |`);
  });

  it('should open docs/SENSITIVITY.md, before the per-contrast tables', () => {
    const markdown = sensitivityMarkdown(result, { byContrast: answers, sets: 20, distinct: 18 }, 10, 1, 'a command');
    expect(markdown.indexOf(sensitivitySummary(result, answers))).toBeGreaterThan(0);
    expect(markdown.indexOf(sensitivitySummary(result, answers))).toBeLessThan(markdown.indexOf(`## ${first}:`));
    expect(markdown).toContain('the same athletes under 20 parameter sets drawn by weight from the calibrated ensemble');
    expect(markdown).toContain('| `b` | 0 – 1 | −0.50 | +2.00 | 2.50 **sign** |');
  });
});
