// A tiny static server for the built kitchen screen (dist/renderer) with the fake bridge script
// injected before the app, so a browser shows the real build on an in-memory KdsApi.
//   node tests/renderer/static-server.ts [port]   → open the printed URL to look at it by hand.
import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIST = join(REPO_ROOT, 'dist', 'renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The fake bridge as one classic script (an IIFE), bundled from TypeScript with esbuild. */
export async function bundleFakeBridge(): Promise<string> {
  const result = await esbuild({
    entryPoints: [join(REPO_ROOT, 'tests', 'renderer', 'fake-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: { root?: string; fakeBridge?: string; port?: number } = {}): Promise<StaticServer> {
  const root = options.root ?? RENDERER_DIST;
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/fake-bridge.js' && options.fakeBridge !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': 'no-store' }).end(options.fakeBridge);
      return;
    }
    let file = join(root, normalize(path).replace(/^([/\\])+/, ''));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(404).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) file = join(root, 'index.html');
    } catch {
      file = join(root, 'index.html');
    }
    let body: Buffer | string = readFileSync(file);
    if (file.endsWith('index.html') && options.fakeBridge !== undefined) {
      // A classic script runs before the module script (modules are deferred): window.comanda is
      // there when the app starts, as with Electron's preload.
      body = body.toString('utf8').replace('<script type="module"', '<script src="./fake-bridge.js"></script>\n    <script type="module"');
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startStaticServer({ fakeBridge: await bundleFakeBridge(), port: Number(process.argv[2] ?? 5174) });
  console.log(`kitchen screen on a fake host: ${server.url}  (?scene=many, ?wa=offline, ?transport=http)`);
}
