// `npm run headless -- --data-dir DIR --reset-owner-pin`: a forgotten owner PIN is removed on the
// PC itself (whoever can run this can read the data directory anyway), never over the network. The
// host is opened without a server or a WhatsApp session, the PIN removed, and everything closed.
import { createHost } from './host/create-host.ts';
import type { Clock } from './host/clock.ts';
import type { Logger } from './host/logger.ts';

export async function resetOwnerPin(dataDir: string, logger: Logger, clock: Clock): Promise<void> {
  const host = createHost({ dataDir, engine: 'simulator', port: null, logger, clock });
  try {
    await host.resetOwnerPin();
    logger.info('owner PIN reset from this PC');
  } finally {
    await host.stop();
  }
}
