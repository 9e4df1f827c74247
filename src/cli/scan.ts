import { PLAUSIBLE } from '../models/limits.ts';
import type { ScanReport } from '../sim/scan.ts';
import { counted } from '../models/text/plural.ts';

/** The most violations printed one by one; the rest are counted. */
const SHOWN = 20;

/**
 * What `periodize scan` prints: how much was scanned and against which limits, then every value
 * outside them (the first 20, with the scenario and athlete that reproduce it) — or that none was.
 */
export function scanText(report: ScanReport, seed: number): string {
  const lines = [
    `Scanned ${counted(report.scenarios, 'random scenario')} (seed ${seed}), ${report.athleteDays.toLocaleString('en-US')} athlete-days, against the limits of src/models/limits.ts:`,
    `  a day's running ≤ ${PLAUSIBLE.dayMinutes.max} min; resting HR ${PLAUSIBLE.restingHr.min}–${PLAUSIBLE.restingHr.max} bpm; lnRMSSD ${PLAUSIBLE.lnRmssd.min}–${PLAUSIBLE.lnRmssd.max}; ` +
      `sleep ${PLAUSIBLE.sleepHours.min}–${PLAUSIBLE.sleepHours.max} h; session RPE ${PLAUSIBLE.sessionRpe.min}–${PLAUSIBLE.sessionRpe.max};`,
    `  10 km in ${PLAUSIBLE.tenKmMinutes.min}–${PLAUSIBLE.tenKmMinutes.max} min, at most ${PLAUSIBLE.tenKmSlowerFirstPct} % slower + ${PLAUSIBLE.tenKmSlowerPerWeekPct} % a week; ` +
      `VO2max ${PLAUSIBLE.vo2max.min}–${PLAUSIBLE.vo2max.max}, gaining at most ${PLAUSIBLE.vo2maxGainPerWeekPct} % a week and ${PLAUSIBLE.vo2maxGainPct} % in all, ` +
      `losing at most ${PLAUSIBLE.vo2maxLossFirstPct} % + ${PLAUSIBLE.vo2maxLossPerWeekPct} % a week`,
    '',
  ];
  const share = report.readings === 0 ? 0 : report.atLimit / report.readings;
  lines.push(`${report.atLimit.toLocaleString('en-US')} of ${report.readings.toLocaleString('en-US')} markers, sleeps and session RPEs (${(share * 100).toFixed(3)} %) sat at a limit, where the model's guard held them`);
  if (report.violations.length === 0) return `${lines.join('\n')}\nno value outside them\n`;
  const kinds = new Map<string, number>();
  for (const v of report.violations) kinds.set(v.what, (kinds.get(v.what) ?? 0) + 1);
  lines.push(`${counted(report.violations.length, 'value')} outside them: ${[...kinds].map(([what, n]) => `${what} ${n}`).join(', ')}`);
  for (const v of report.violations.slice(0, SHOWN)) {
    lines.push(`  scenario ${v.scenario}, arm ${v.arm}, athlete ${v.athlete}${v.day === null ? '' : `, day ${v.day}`}: ${v.what} ${+v.value.toFixed(2)} (limit ${v.limit})`);
  }
  if (report.violations.length > SHOWN) lines.push(`  … and ${report.violations.length - SHOWN} more`);
  return `${lines.join('\n')}\n`;
}
