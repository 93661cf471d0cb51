// Silent stall: the WhatsApp page stops answering (getState and every evaluate hang, no disconnect
// event) right after a healthy watchdog check, the worst moment. Measures, in virtual time with the
// real Watchdog and a FakeClock, how long until the watchdog acts (its resetState call).
// Target: at most one watchdog interval + 5 s. Standalone: node bench/whatsapp-stall-bench.ts
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../electron/host/logger.ts';
import { whatsappSettingsSchema } from '../electron/host/settings.ts';
import { Watchdog } from '../electron/whatsapp/watchdog.ts';
import { FakeClock } from '../tests/support/fake-clock.ts';
import { FakeSessionControl } from '../tests/support/fake-session-control.ts';

export async function benchSilentStall(): Promise<{ silentStallDetectMs: number; watchdogIntervalMs: number }> {
  const watchdogIntervalMs = whatsappSettingsSchema.parse({}).watchdogIntervalMs;
  const clock = new FakeClock();
  const control = new FakeSessionControl(clock);
  const watchdog = new Watchdog({ control, clock, logger: silentLogger, intervalMs: watchdogIntervalMs });
  watchdog.start();
  try {
    await clock.advance(watchdogIntervalMs); // one healthy check
    if (control.callsOf('getState').length !== 1 || control.callsOf('resetState').length !== 0) {
      throw new Error('stall bench: the first watchdog check did not run as a healthy check');
    }
    await clock.advance(1);
    control.silent = true;
    const silentAt = clock.now();
    const giveUpAt = silentAt + 10 * watchdogIntervalMs;
    while (control.callsOf('resetState').length === 0 && clock.now() < giveUpAt) await clock.advance(100);
    const reset = control.callsOf('resetState')[0];
    if (!reset) throw new Error(`stall bench: the watchdog did not act within ${10 * watchdogIntervalMs} ms of the page going silent`);
    return { silentStallDetectMs: reset.at - silentAt, watchdogIntervalMs };
  } finally {
    watchdog.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchSilentStall()));
}
