// Ends the browser and everything it started. puppeteer launches Chromium as its own process group
// on Linux and macOS, so the group goes at once; Windows has no groups: taskkill /T walks the tree.
import { spawnSync } from 'node:child_process';

export function killProcessTree(pid: number, signal: NodeJS.Signals = 'SIGKILL', platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') {
    const result = spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true, timeout: 10_000 });
    if (result.status === 0) return;
    process.kill(pid, signal);
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // Not a group leader (or the group is gone): the process alone.
    process.kill(pid, signal);
  }
}
