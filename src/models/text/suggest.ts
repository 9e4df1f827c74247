/**
 * Levenshtein edit distance (insertions, deletions, substitutions), O(|a|·|b|).
 * @example editDistance('polarised', 'polarized') // 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The closest known name to a misspelt one, if it is close enough to be what was meant: at most a
 * third of its letters differ (one at least), and a name of one or two letters is never "close".
 * @example closestName('threshhold', ['polarized', 'threshold']) // 'threshold'
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = name.length >= 3 ? Math.max(1, Math.floor(name.length / 3)) : 0;
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** " (did you mean "x"?)" or "" — for error messages. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const match = closestName(name, known);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
