// Support for tests and benches that run the real engine worker with Debian's Chromium here, where
// web.whatsapp.com is unreachable: a "WhatsApp" that accepts connections and never answers (so
// the browser stays up inside initialize()), and a look at /proc for processes left behind.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';

export interface HangingWhatsApp {
  /** Chromium flags that send web.whatsapp.com to the hanging server. */
  browserArgs: string[];
  /** Connections received: the browser is up and whatsapp-web.js is inside page.goto(). */
  connections(): number;
  close(): Promise<void>;
}

export async function startHangingWhatsApp(): Promise<HangingWhatsApp> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    browserArgs: [`--host-resolver-rules=MAP web.whatsapp.com 127.0.0.1:${port}`],
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ProcessEntry {
  pid: number;
  ppid: number;
  cmdline: string;
}

/** Live processes (not zombies) whose command line contains `fragment`. */
export function processesMatching(fragment: string): ProcessEntry[] {
  const found: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!cmdline.includes(fragment)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue;
      found.push({ pid: Number(name), ppid: Number(fields[1]), cmdline });
    } catch {
      /* ended while we looked */
    }
  }
  return found;
}
