import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PARAMETERS, priorValue, UNCERTAIN_PARAMETERS, WITHOUT_PRIOR } from '../../src/models/parameters.ts';
import { numberAt } from '../../src/sim/calibration/parameter-path.ts';

const FILE = new URL('../../src/models/parameters.ts', import.meta.url).pathname;

/**
 * Every leaf of PARAMETERS with the tag of the comment that documents it ([V], [M], [D] or [C]):
 * a property's own comment, else the tag its earlier siblings share (one comment may document a
 * run of fields), else its parent's. Read from the source with the TypeScript compiler, so that the
 * tags are the ones a reader sees.
 */
function taggedLeaves(): { path: string; tag: string | null }[] {
  const text = readFileSync(FILE, 'utf8');
  const source = ts.createSourceFile(FILE, text, ts.ScriptTarget.Latest, true);
  const leaves: { path: string; tag: string | null }[] = [];
  const tagOf = (node: ts.Node): string | null | undefined => {
    const comments = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
    if (comments.length === 0) return undefined;
    for (const range of [...comments].reverse()) {
      const tag = /\[([VMDC])\]/.exec(text.slice(range.pos, range.end));
      if (tag !== null) return tag[1]!;
    }
    return null;
  };
  const walk = (node: ts.Expression, path: string[], inherited: string | null) => {
    if (ts.isObjectLiteralExpression(node)) {
      let run: string | null = inherited;
      for (const property of node.properties) {
        if (!ts.isPropertyAssignment(property)) continue;
        const own = tagOf(property);
        if (own !== undefined) run = own ?? inherited;
        walk(property.initializer, [...path, property.name.getText(source)], run);
      }
    } else if (ts.isArrayLiteralExpression(node)) {
      node.elements.forEach((element, i) => walk(element, [...path, String(i)], inherited));
    } else {
      leaves.push({ path: path.join('.'), tag: inherited });
    }
  };
  source.forEachChild((statement) => {
    if (!ts.isVariableStatement(statement)) return;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.name.getText(source) === 'PARAMETERS' && declaration.initializer !== undefined) walk(declaration.initializer, [], null);
    }
  });
  return leaves;
}

const covers = (prefix: string, path: string) => path === prefix || path.startsWith(`${prefix}.`);

describe('the priors of the parameter set (issue 12: every constant says what is not known of it)', () => {
  const leaves = taggedLeaves();

  it('should read a tag for every constant of PARAMETERS', () => {
    expect(leaves.length).toBeGreaterThan(300);
    expect(leaves.filter((leaf) => leaf.tag === null).map((leaf) => leaf.path)).toEqual([]);
  });

  it('should give every constant a prior, or say why it takes none (a limit, a convention, or a value its source states without uncertainty)', () => {
    const priors = new Set(UNCERTAIN_PARAMETERS.map((prior) => prior.path));
    const uncovered = leaves.filter((leaf) => !priors.has(leaf.path) && !WITHOUT_PRIOR.some((entry) => covers(entry.path, leaf.path))).map((leaf) => leaf.path);
    expect(uncovered).toEqual([]);
  });

  it('should call exact only a value read in a source or derived from such ([V], [D]): one from memory or fitted is uncertain', () => {
    const exact = WITHOUT_PRIOR.filter((entry) => entry.kind === 'exact');
    const tagged = leaves.filter((leaf) => exact.some((entry) => covers(entry.path, leaf.path)));
    expect(tagged.filter((leaf) => leaf.tag !== 'V' && leaf.tag !== 'D').map((leaf) => leaf.path)).toEqual([]);
  });

  it('should hold each committed value inside its prior, a log-uniform prior on positive numbers, every path once', () => {
    for (const prior of UNCERTAIN_PARAMETERS) {
      const value = numberAt(PARAMETERS, prior.path);
      expect(prior.low, prior.path).toBeLessThan(prior.high);
      expect(value, prior.path).toBeGreaterThanOrEqual(prior.low);
      expect(value, prior.path).toBeLessThanOrEqual(prior.high);
      if (prior.distribution === 'logUniform') expect(prior.low, prior.path).toBeGreaterThan(0);
      expect(prior.why.length, prior.path).toBeGreaterThan(10);
    }
    const paths = UNCERTAIN_PARAMETERS.map((prior) => prior.path);
    expect(paths.filter((path, i) => paths.indexOf(path) !== i)).toEqual([]);
  });

  it('should name, for each constant without a prior, something that is in the parameter set and not also given a prior', () => {
    const all = leaves.map((leaf) => leaf.path);
    for (const entry of WITHOUT_PRIOR) {
      expect(all.some((path) => covers(entry.path, path)), entry.path).toBe(true);
      expect(UNCERTAIN_PARAMETERS.some((prior) => covers(entry.path, prior.path)), entry.path).toBe(false);
      expect(entry.why.length, entry.path).toBeGreaterThan(10);
    }
  });

  it('should spread a log-uniform prior evenly on the log scale, a uniform one on the linear', () => {
    const log = { path: 'x', low: 2, high: 32, why: 'a test prior', distribution: 'logUniform' as const };
    expect([0, 0.25, 0.5, 1].map((u) => priorValue(log, u))).toEqual([2, 4, 8, 32]);
    expect(priorValue({ path: 'x', low: 2, high: 32, why: 'a test prior' }, 0.25)).toBe(9.5);
  });
});
