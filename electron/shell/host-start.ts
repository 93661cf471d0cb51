// Starts the host on its usual HTTP port; when another program already holds that port the
// kitchen window must still open, so the host is rebuilt on a free port (extra kitchen screens then
// need the new address, which the log and /api/health give) instead of the app refusing to start.
import type { Host, StartedHost } from '../host/create-host.ts';
import { errorFields, type Logger } from '../host/logger.ts';

export async function startHostWithPortFallback(
  create: (port: number | null) => Host,
  port: number | null,
  logger: Logger,
): Promise<{ host: Host; started: StartedHost }> {
  const host = create(port);
  try {
    return { host, started: await host.start() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === null || port === 0) throw error;
    logger.warn('HTTP port in use; starting on a free port', { port, ...errorFields(error) });
    await host.stop();
    const fallback = create(0);
    return { host: fallback, started: await fallback.start() };
  }
}
