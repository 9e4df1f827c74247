/**
 * The word for a count of things, as a reader says it: `week` for 1, `weeks` for 0, 2 or 1.5.
 * Regular plurals only (an s), which is every word the CLI counts.
 * @example noun(1, 'athlete') // 'athlete'
 */
export function noun(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/**
 * A count with its word.
 * @example counted(1, 'week') // '1 week'
 * @example counted(10, 'week') // '10 weeks'
 */
export function counted(count: number, word: string): string {
  return `${count} ${noun(count, word)}`;
}
