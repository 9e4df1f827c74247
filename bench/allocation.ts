/**
 * Bytes allocated on the JavaScript heap while `work` runs, by V8's sampling heap profiler (the
 * inspector's HeapProfiler.startSampling), counting what the collector has already freed too: an
 * allocation in a hot loop shows up as bytes per athlete-day even when it dies at once. Sampled
 * (one sample per `interval` bytes on average), so an estimate; checked against a known allocation
 * in tests/bench/allocation.test.ts.
 */
import { Session } from 'node:inspector/promises';

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

export async function allocatedBytes(work: () => void, interval = 4096): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: interval, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    work();
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
    let total = 0;
    const walk = (node: SamplingNode) => {
      total += node.selfSize;
      for (const child of node.children) walk(child);
    };
    walk(profile.head);
    return total;
  } finally {
    await session.post('HeapProfiler.disable').catch(() => {});
    session.disconnect();
  }
}
