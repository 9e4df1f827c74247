/**
 * The bench batch as scenario YAML: `size` recreational runners × `weeks` × 4 arms — polarized,
 * pyramidal, threshold, and polarized with `rules` in the loop (fixed when `rules` is null) — with
 * sleep-restriction, illness and load events. `alone` keeps only the fourth arm; `daily` asks for
 * days.csv.
 */
export function benchScenario(size: number, weeks: number, rules: string | null, options: { alone?: boolean; daily?: boolean } = {}): string {
  const alone = options.alone === true;
  return `name: bench
seed: 1
population: { size: ${size}, level: recreational }
weeks: ${weeks}
arms:
${alone ? '' : '  - { id: polarized, design: polarized }\n  - { id: pyramidal, design: pyramidal }\n  - { id: threshold, design: threshold }\n'}  - { id: polarized-adaptive, design: polarized${rules === null ? '' : `, rules: ${rules}`} }
reference: ${alone ? 'polarized-adaptive' : 'threshold'}
${options.daily === true ? 'outputs: { daily: true }\n' : ''}events:
  - { type: sleep-restriction, fromWeek: 3, weeks: 2, hours: 5.5, share: 0.3 }
  - { type: illness, fromWeek: 6, days: 5, share: 0.2 }
  - { type: load-multiplier, fromWeek: 8, weeks: 2, factor: 1.3, share: 0.5 }
`;
}
