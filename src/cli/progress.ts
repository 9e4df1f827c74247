import { SingleBar } from 'cli-progress';

/**
 * A progress bar on standard error: athletes done, athlete-days simulated per second, and the time
 * left. Once every athlete is done, a run (`summary`) still computes its bootstrap intervals —
 * seconds for 100 000 athletes — and the bar says so rather than sitting at 100 %.
 */
export function progressBar(summary = true, unit = 'athletes'): { update: (done: number, total: number, athleteDays: number) => void; stop: () => void } {
  const bar = new SingleBar({
    format: `{bar} {value}/{total} ${unit} | {rate} M athlete-days/s | {tail}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  const started = performance.now();
  let begun = false;
  return {
    update(done, total, athleteDays) {
      if (!begun) {
        bar.start(total, 0, { rate: '—', tail: 'ETA —' });
        begun = true;
      }
      // Redraw at most every 1 % (the bar throttles drawing too).
      if (done === total || done % Math.max(1, Math.floor(total / 100)) === 0) {
        const seconds = (performance.now() - started) / 1000;
        bar.update(done, { rate: seconds > 0 ? (athleteDays / seconds / 1e6).toFixed(2) : '—', tail: progressTail(done, total, seconds, summary) });
      }
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}

/**
 * The end of the bar's line: the time left at the pace so far (`ETA 1m05s`), then, when every athlete
 * is done, what the run still does.
 * @example progressTail(250, 1000, 10, true) // 'ETA 30s'
 */
export function progressTail(done: number, total: number, seconds: number, summary: boolean): string {
  if (done >= total) return summary ? 'summarising: bootstrap intervals…' : 'writing…';
  if (done === 0 || !(seconds > 0)) return 'ETA —';
  const left = Math.round(((total - done) * seconds) / done);
  return `ETA ${left >= 60 ? `${Math.floor(left / 60)}m${String(left % 60).padStart(2, '0')}s` : `${left}s`}`;
}
