// electron/main.ts for real, in a child process with Electron replaced by the central mock
// (tests/shell/fixtures/run-main.ts): the host starts, the window is secure and remembers its
// place, the tray tells the state, IPC refuses strangers, closing hides, Quit asks when orders are
// open, and after quitting the process ends by itself (nothing left running).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';

const runner = fileURLToPath(new URL('./fixtures/run-main.ts', import.meta.url));
const temps: (() => void)[] = [];
afterAll(() => temps.forEach((c) => c()));

function runMain(scenario?: 'open-order' | 'second-launch' | 'whatsapp-engine' | 'owner-device'): Promise<{ result: Record<string, unknown>; dataDir: string }> {
  const { dir, cleanup } = makeTempDir('comanda-main-');
  temps.push(cleanup);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, dir, ...(scenario ? [scenario] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    // The process must end by itself after the quit: a leftover timer or socket keeps it alive.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main did not end by itself; stdout: ${out.slice(-500)} stderr: ${err.slice(-1000)}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`exit ${code}: ${err.slice(-2000)}`));
      else resolve({ result: JSON.parse(line) as Record<string, unknown>, dataDir: dir });
    });
  });
}

describe('main.ts composition (Electron mocked)', () => {
  it('starts the host, shows a secure kitchen window and a tray, hides on close, quits cleanly', async () => {
    const { result, dataDir } = await runMain();
    expect(result.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(result.loadedFile).toMatch(/renderer[/\\]index\.html$/);
    // Remembered from the last run: kiosk at zoom 1.
    expect(result).toMatchObject({ kiosk: true, zoomLevel: 1 });
    expect(result.snapshotState).toBe('connected');
    expect(result.stranger).toMatch(/^unauthorized:/);
    expect(result.trayImage).toMatch(/tray-connected\.png$/);
    expect(result.trayTooltip).toMatch(/^Comanda · WhatsApp: conectado\n/);
    expect(result.trayMenu).toEqual(['Mostrar cocina', 'separator', 'Reconectar WhatsApp', 'Vincular un teléfono (QR)', 'separator', 'Buscar actualizaciones', 'Abrir al iniciar el equipo', 'Restablecer el PIN del dueño…', 'separator', 'Salir']);
    expect(result.displayAwake).toBe(1);
    expect(result.updateSent).toEqual({ phase: 'idle' });
    expect(result).toMatchObject({ closePrevented: true, hiddenAwake: 0, visibleAfterSecondLaunch: true });
    // No open orders: Quit does not ask; the host stops before the app goes.
    expect(result).toMatchObject({ dialogs: 0, trayDestroyed: true, exitCodes: [] });
    expect(result.logMessages).toEqual(['host started', 'host stopped']);
    expect(result.windowSaved).toMatchObject({ kiosk: true, zoomLevel: 1, displayId: 1 });
    expect(existsSync(join(dataDir, 'comanda.sqlite'))).toBe(true);
  });

  it('asks before quitting with an order open, and keeps running on "keep running"', async () => {
    const { result } = await runMain('open-order');
    expect(result.quitAfterKeepRunning).toBe(false);
    expect(result.dialogs).toBe(2);
    expect(result.logMessages).toEqual(['host started', 'host stopped']);
  });

  it('a second launch leaves at once without starting a host, window or tray', async () => {
    const { result } = await runMain('second-launch');
    expect(result).toEqual({ quitCalls: 1, trays: 0, windows: 0, logMessages: 0 });
  });

  it('switches engines from the owner area inside the app, keeps the order, and resets a forgotten PIN from the tray', async () => {
    const { result } = await runMain('owner-device');
    // The app listens on 127.0.0.1 only, and the network stays off without a PIN.
    expect(result.network).toEqual({ enabled: false, urls: [], blockedReason: 'no-pin' });
    expect(result.networkWithoutPin).toBe('conflict');
    expect(result).toMatchObject({ engineBefore: 'simulator', answered: 'whatsapp', forkedAtAnswer: 0, engineAfter: 'whatsapp', storedEngine: 'whatsapp' });
    expect(result.ordersAfter).toEqual(['o-open']);
    expect(result.pinAfterCancel).toEqual({ pinSet: true });
    expect(result.pinAfterReset).toEqual({ pinSet: false });
    expect(result.notified).toEqual(['PIN del dueño borrado']);
    expect(result.workerStopped).toBe(true);
    const messages = result.logMessages as string[];
    expect(messages.filter((m) => m === 'host started')).toHaveLength(2);
    expect(messages).toContain('switching WhatsApp engine');
    expect(messages).toContain('owner PIN reset from the tray');
    expect(messages.at(-1)).toBe('host stopped');
  });

  it('with the real engine chosen, runs its worker as a utility process and stops it on quit', async () => {
    const { result } = await runMain('whatsapp-engine');
    expect(result.modulePath).toMatch(/engine-worker\.js$/);
    expect(result).toMatchObject({ serviceName: 'Comanda WhatsApp', firstMessage: 'start', stopped: true, exited: true });
    expect(result.logMessages).toContain('whatsapp worker spawned');
    expect((result.logMessages as string[]).at(-1)).toBe('host stopped');
  });
});
