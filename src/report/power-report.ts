import { join } from 'node:path';
import { counted } from '../models/text/plural.ts';
import { POWER_COLUMNS } from '../sim/power.ts';
import { METRIC_LABELS } from './chart.ts';
import { powerCurvesChart, sampleSizeChart, type PowerPoint } from './charts/power.ts';
import { expectShape, parseCsvFile } from './files.ts';
import type { ReportPage } from './page.ts';
import { type Manifest, provenanceOf } from './provenance.ts';

/** The table `periodize power` writes, from which its page is drawn. */
export const POWER_FILE = 'power.csv';


/** The page of `periodize power`: power curves (`--n`), or the n for the target power (`--target`). */
export function powerReport(dir: string, manifest: Manifest | null): ReportPage {
  const file = join(dir, POWER_FILE);
  const rows = parseCsvFile<Record<string, string>>(file, true);
  expectShape(rows.length > 0 && POWER_COLUMNS.every((column) => column in rows[0]!), file, "a power table");
  const points: PowerPoint[] = rows.map((row) => ({
    contrast: `${row.arm} − ${row.vs}`,
    metric: METRIC_LABELS[row.metric!] ?? row.metric!,
    test: row.test!,
    n: Number(row.n),
    power: row.power === '' ? Number.NaN : Number(row.power),
    mcse: row.mcse === '' ? Number.NaN : Number(row.mcse),
    reached: row.reached === '' ? null : row.reached === 'true',
  }));
  // A contrast with no athlete measured has no n and no power: said, not drawn.
  const drawn = points.filter((p) => Number.isFinite(p.n) && p.n > 0 && Number.isFinite(p.power));
  const contrasts = [...new Set(points.map((p) => p.contrast))];
  const first = rows[0]!;
  const target = first.target === '' ? null : Number(first.target);
  const design = first.design === 'paired' ? 'a crossover (the same athletes in both arms, paired t-test)' : "parallel groups (Welch's t-test)";
  const notes = [
    `Simulated trials of ${design}, ${Number(first.trials).toLocaleString('en-US')} per study size, each test at α = ${first.alpha}; power counts a difference found in either direction.`,
    ...(points.length > drawn.length ? [`${points.length - drawn.length} rows have no athletes measured in both arms: no power to draw.`] : []),
    'power.csv holds every number; docs/STATISTICS.md says how they are computed.',
  ];
  const chart = target === null ? powerCurvesChart(drawn, contrasts, 0.8) : sampleSizeChart(drawn, contrasts, target);
  return {
    kind: 'power',
    title: target === null ? 'The power of a real trial' : `The n a real trial needs for ${Math.round(target * 100)} % power`,
    subtitle: `${counted(contrasts.length, 'contrast')} of ${manifest?.scenario?.file ?? 'the scenario'}, ${counted(new Set(points.map((p) => p.metric)).size, 'outcome')}`,
    provenance: provenanceOf(manifest),
    sections: [{ heading: target === null ? 'Power by study size' : 'Sample size', text: 'What trials drawn from the simulated athletes would find, contrast by contrast.', charts: drawn.length === 0 ? [] : [chart], notes }],
  };
}
