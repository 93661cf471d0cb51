// Command-line arguments of the headless host, as DESIGN.md fixes them.
import { parseArgs } from 'node:util';

export interface HeadlessArgs {
  dataDir: string;
  port: number;
  engine: 'simulator' | 'whatsapp';
  menu?: string;
  host: string;
  firebase?: string;
}

export const USAGE =
  'usage: npm run headless -- --data-dir DIR --port 4747 --engine simulator|whatsapp [--menu FILE] [--host 127.0.0.1] [--firebase FILE]';

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
  const engine = values.engine ?? 'simulator';
  if (engine !== 'simulator' && engine !== 'whatsapp') {
    return { ok: false, error: `--engine must be simulator or whatsapp, got "${engine}"` };
  }
  const args: HeadlessArgs = { dataDir, port, engine, host: values.host ?? '127.0.0.1' };
  if (values.menu) args.menu = values.menu;
  if (values.firebase) args.firebase = values.firebase;
  return { ok: true, args };
}
