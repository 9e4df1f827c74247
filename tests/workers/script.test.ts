import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerScript } from '../../src/workers/script.ts';

describe('workerScript', () => {
  it('should give the bundled worker, named by the state of the sources, and the same one twice', () => {
    const script = workerScript();
    // Not the loader's fallback: a failing build would otherwise only show as slower threads.
    expect(script.pathname).toMatch(/\/\.cache\/worker-[0-9a-f]{12}\.mjs$/);
    expect(existsSync(fileURLToPath(script))).toBe(true);
    expect(workerScript().href).toBe(script.href);
  });
});
