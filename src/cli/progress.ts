import { SingleBar } from 'cli-progress';

/** A progress bar on standard error: athletes done, athlete-days simulated per second, and the time left. */
export function progressBar(): { update: (done: number, total: number, athleteDays: number) => void; stop: () => void } {
  const bar = new SingleBar({
    format: '{bar} {value}/{total} athletes | {rate} M athlete-days/s | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  const started = performance.now();
  let begun = false;
  return {
    update(done, total, athleteDays) {
      if (!begun) {
        bar.start(total, 0, { rate: '—' });
        begun = true;
      }
      // Redraw at most every 1 % (the bar throttles drawing too).
      if (done === total || done % Math.max(1, Math.floor(total / 100)) === 0) {
        const seconds = (performance.now() - started) / 1000;
        bar.update(done, { rate: seconds > 0 ? (athleteDays / seconds / 1e6).toFixed(2) : '—' });
      }
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}
