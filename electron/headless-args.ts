// Command-line arguments of the headless host, as DESIGN.md fixes them.
import { parseArgs } from 'node:util';

export interface HeadlessArgs {
  dataDir: string;
  port: number;
  /** Absent: the engine last chosen on the screen (DATA_DIR/device.json), else the simulator. */
  engine?: 'simulator' | 'whatsapp';
  menu?: string;
  /** Absent: 0.0.0.0 when screens on the network were turned on from the screen, else 127.0.0.1. */
  host?: string;
  firebase?: string;
  /** Forgot the owner PIN: remove it and exit, without starting the host. */
  resetOwnerPin?: true;
}

export const USAGE =
  'usage: npm run headless -- --data-dir DIR --port 4747 --engine simulator|whatsapp [--menu FILE] [--host 127.0.0.1] [--firebase FILE] [--reset-owner-pin]';

export function parseHeadlessArgs(argv: string[]): { ok: true; args: HeadlessArgs } | { ok: false; error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        engine: { type: 'string' },
        menu: { type: 'string' },
        host: { type: 'string' },
        firebase: { type: 'string' },
        'reset-owner-pin': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const dataDir = values['data-dir'];
  if (!dataDir) return { ok: false, error: '--data-dir is required' };
  const port = Number(values.port ?? '4747');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, error: `--port must be a number from 0 to 65535, got "${values.port}"` };
  }
  const engine = values.engine;
  if (engine !== undefined && engine !== 'simulator' && engine !== 'whatsapp') {
    return { ok: false, error: `--engine must be simulator or whatsapp, got "${engine}"` };
  }
  const args: HeadlessArgs = { dataDir, port };
  if (engine) args.engine = engine;
  if (values.host) args.host = values.host;
  if (values.menu) args.menu = values.menu;
  if (values.firebase) args.firebase = values.firebase;
  if (values['reset-owner-pin']) args.resetOwnerPin = true;
  return { ok: true, args };
}
