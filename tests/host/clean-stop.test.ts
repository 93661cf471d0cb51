import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

describe('host start/stop', () => {
  it('leaves no timer or handle behind: the process exits by itself after stop()', () => {
    const script = fileURLToPath(new URL('./fixtures/start-stop.ts', import.meta.url));
    const started = Date.now();
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 15_000 });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('stopped');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
