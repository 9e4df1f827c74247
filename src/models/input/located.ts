import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type * as z from 'zod';
import { didYouMean } from '../text/suggest.ts';

/*
 * Input files (scenarios, rule files, trials) and their problems, located for a person: YAML parsed
 * with line counting, zod issues turned into `file:line:col: path: message`, every problem at once.
 * Pure: the files are read by src/sim/input-file.ts.
 */

export type PathSegment = string | number;

/** One problem in an input file, located for a person: `file:line:col: path: message`. */
export interface InputProblem {
  file: string;
  line: number;
  col: number;
  path: readonly PathSegment[];
  message: string;
}

/** Bad input: every problem found, none of them a crash. The CLI prints them and exits with 2. */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
    super(sorted.map(formatProblem).join('\n'));
    this.problems = sorted;
    this.name = 'InputError';
  }
}

/** `arms[1].design.distribution`, or `(document)` for the whole file. */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '(document)';
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

export function formatProblem(problem: InputProblem): string {
  return `${problem.file}:${problem.line}:${problem.col}: ${formatPath(problem.path)}: ${problem.message}`;
}

/** A parsed YAML file that can say where any path of it is. */
export class LocatedDocument {
  private constructor(
    readonly file: string,
    readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses YAML text; syntax errors become problems at their line and column. */
  static parse(text: string, file: string): LocatedDocument {
    const lines = new LineCounter();
    // The library's own check of unique keys compares each key with every other (30 000 keys: two
    // minutes); duplicateKeys does it in one pass.
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: false });
    const problems: InputProblem[] = [...document.errors, ...document.warnings].map((error) => {
      const position = error.linePos?.[0] ?? { line: 1, col: 1 };
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '');
      return { file, line: position.line, col: position.col, path: [], message: `YAML: ${lowerFirst(message)}` };
    });
    if (problems.length === 0) {
      for (const offset of duplicateKeys(document)) {
        const { line, col } = lines.linePos(offset);
        problems.push({ file, line, col, path: [], message: 'YAML: map keys must be unique' });
      }
    }
    if (problems.length > 0) throw new InputError(problems);
    return new LocatedDocument(file, document, lines);
  }

  /** The plain value; what YAML can parse but not build (an alias bomb, say) is a problem at 1:1. */
  toJS(): unknown {
    try {
      return this.document.toJS();
    } catch (error) {
      throw new InputError([{ file: this.file, line: 1, col: 1, path: [], message: `YAML: ${lowerFirst((error as Error).message)}` }]);
    }
  }

  /** The plain value, built on the first `valueAt` (problems need the input zod's issues leave out). */
  private plain: { value: unknown } | undefined;

  /** The plain value at `path` (aliases followed), or undefined where there is none. */
  valueAt(path: readonly PathSegment[]): unknown {
    this.plain ??= { value: this.toJS() };
    let value = this.plain.value;
    for (const segment of path) {
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
      value = (value as Record<PathSegment, unknown>)[segment];
    }
    return value;
  }

  /**
   * Position of the value at `path`, or of its nearest existing ancestor; with `key`, of the key
   * itself (for unknown keys).
   */
  locate(path: readonly PathSegment[], key?: string): { line: number; col: number } {
    let node: unknown = this.document.contents;
    let found: unknown = node;
    for (const segment of key === undefined ? path : [...path, key]) {
      const next = child(node, segment, key !== undefined && segment === key);
      if (next === undefined) break;
      node = next;
      found = next;
    }
    const range = (found as Node | null)?.range;
    const offset = range?.[0] ?? 0;
    return this.lines.linePos(offset);
  }

  problem(path: readonly PathSegment[], message: string, key?: string): InputProblem {
    const { line, col } = this.locate(path, key);
    return { file: this.file, line, col, path, message };
  }
}

/** Where each key of a mapping repeats an earlier one of the same mapping (its offset): one pass. */
function duplicateKeys(document: Document): number[] {
  const offsets: number[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const item of map.items) {
        if (!isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (seen.has(key)) offsets.push(item.key.range?.[0] ?? 0);
        seen.add(key);
      }
    },
  });
  return offsets;
}

/** Each mapping's pairs by key, built once per mapping: locating every key of a big mapping stays linear. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairsByKey.get(map);
  if (index === undefined) {
    index = new Map();
    for (const item of map.items) if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    pairsByKey.set(map, index);
  }
  return index.get(key);
}

function child(node: unknown, segment: PathSegment, wantKey: boolean): unknown {
  if (isMap(node)) {
    const pair = pairOf(node, String(segment));
    if (pair === undefined) return undefined;
    return wantKey ? pair.key : (pair.value ?? pair.key);
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** How a kind of input file speaks of its own parts, so that its problems read in its words. */
export interface Vocabulary {
  /**
   * Keys whose values are names, by key: the word for one where the key is terse (`op` → "operator";
   * by default the key itself) and every name the file knows, where a place takes only some of them
   * (a scope another action takes is not "unknown").
   */
  readonly names?: Readonly<Record<string, { readonly word?: string; readonly known?: readonly string[] }>>;
  /** What the mapping at `path` is ("a condition"), said when it has none of the keys its kind needs. */
  readonly nameOf?: (path: readonly PathSegment[]) => string | undefined;
}

/**
 * Turns zod issues into located problems. A union reports the branch that matched the input's
 * shape best (not "invalid input"), or what it needs when the input has none of any branch's keys;
 * a value not among a key's options is "unknown", with the closest option; unknown keys point at
 * the key.
 */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  doc: LocatedDocument,
  base: readonly PathSegment[] = [],
  vocabulary: Vocabulary = {},
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathSegment[])];
    switch (issue.code) {
      case 'invalid_union': {
        if (issue.discriminator !== undefined && 'options' in issue && issue.options !== undefined) {
          problems.push(doc.problem(path, optionProblem(path, doc.valueAt(path), issue.options, vocabulary)));
          break;
        }
        const needs = neededKeys(issue.errors, doc.valueAt(path));
        if (needs !== null) {
          const name = vocabulary.nameOf?.(path);
          problems.push(doc.problem(path, `${name === undefined ? '' : `${name} `}needs ${needs}`));
          break;
        }
        const branch = bestBranch(issue.errors);
        if (branch === null) problems.push(doc.problem(path, describeUnion(issue)));
        else problems.push(...zodProblems(branch, doc, path, vocabulary));
        break;
      }
      case 'invalid_value':
        problems.push(doc.problem(path, optionProblem(path, doc.valueAt(path), issue.values, vocabulary)));
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) problems.push(doc.problem(path, `unknown key "${key}"`, key));
        break;
      default:
        problems.push(doc.problem(path, issueMessage(issue)));
    }
  }
  return problems;
}

/**
 * A value that is not one of a key's options (an enum, a literal, a discriminator such as
 * `action`): `required (a or b)` when it is missing, `unknown operator "belo" (did you mean
 * "below"?)` when it is a name, with the options when no name is close.
 */
function optionProblem(path: readonly PathSegment[], value: unknown, options: readonly unknown[], vocabulary: Vocabulary): string {
  const expected = alternatives(options.map(String));
  if (value === undefined) return `required (${expected})`;
  if (typeof value !== 'string' || !options.every((option) => typeof option === 'string')) {
    return `expected ${expected} (got ${JSON.stringify(value) ?? String(value)})`;
  }
  const key = path.findLast((segment): segment is string => typeof segment === 'string') ?? 'value';
  const names = vocabulary.names?.[key];
  const word = names?.word ?? key;
  if (names?.known?.includes(value)) return `${word} "${value}" is not allowed here (expected ${expected})`;
  const hint = didYouMean(value, options as readonly string[]);
  return `unknown ${word} "${value}"${hint || ` (expected ${expected})`}`;
}

/** `a`, `a or b`, `a, b or c`. */
function alternatives(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * When a mapping matched no branch of a union only because it lacks keys (`when: {}`): the keys
 * each branch needs, branches of one key together — "fact and op, or all, any, not, or atLeast
 * and of". Null when the mapping has a key of its own, or something else is wrong with it.
 */
function neededKeys(branches: readonly (readonly z.core.$ZodIssue[])[], value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || branches.length === 0) return null;
  const keysOfBranches: string[][] = [];
  for (const branch of branches) {
    const keys = branch.map((issue) => (issue.path.length === 1 && typeof issue.path[0] === 'string' && !Object.hasOwn(value, issue.path[0]) ? issue.path[0] : null));
    if (keys.length === 0 || keys.includes(null)) return null;
    keysOfBranches.push([...new Set(keys as string[])]);
  }
  // Each group is said as "a, b, c" and the groups joined by ", or "; a run of one-key branches is one group.
  const groups: string[][] = [];
  let oneKeyGroup: string[] | null = null;
  for (const keys of keysOfBranches) {
    if (keys.length === 1 && oneKeyGroup !== null) {
      oneKeyGroup.push(keys[0]!);
    } else {
      const group = [keys.join(' and ')];
      groups.push(group);
      oneKeyGroup = keys.length === 1 ? group : null;
    }
  }
  return groups.map((group) => group.join(', ')).join(', or ');
}

/** The union branch whose issues are not about the input's type as a whole, with the fewest unknown keys. */
function bestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | null {
  let best: readonly z.core.$ZodIssue[] | null = null;
  let bestScore = Infinity;
  for (const branch of branches) {
    if (branch.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0)) continue;
    const unknownKeys = branch.reduce((n, issue) => n + (issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys.length : 0), 0);
    const score = unknownKeys * 100 + branch.length;
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function describeUnion(issue: z.core.$ZodIssue & { code: 'invalid_union' }): string {
  if (issue.errors.some((branch) => branch.some((inner) => inner.path.length === 0 && inner.message.includes('received undefined')))) return 'required';
  const expected = new Set<string>();
  for (const branch of issue.errors) for (const inner of branch) if (inner.code === 'invalid_type' && inner.path.length === 0) expected.add(inner.expected);
  return expected.size > 0 ? `expected ${[...expected].join(' or ')}` : lowerFirst(issue.message);
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.message.includes('received undefined') ? `required (${issue.expected})` : issue.message.replace(/^Invalid input: /, '');
  }
  return lowerFirst(issue.message.replace(/^Invalid input: /, ''));
}
