// The tray icon: rebuilt from tray-model on every change. The Tray itself comes from an injected
// factory (as in Signal Desktop's createTrayInstance), so tests use the central Electron mock.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { Clock, TimerHandle } from '../host/clock.ts';
import type { Logger } from '../host/logger.ts';
import { errorFields } from '../host/logger.ts';
import { trayModel, type TrayAction, type TrayIconKind, type TrayModel, type TrayModelInput } from './tray-model.ts';

export type TrayLike = Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'on' | 'destroy'>;

export interface TrayControllerOptions {
  createTray: (image: NativeImage) => TrayLike;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  icon: (kind: TrayIconKind) => NativeImage;
  /** The current facts the tray shows (status, heartbeat, settings). */
  input: () => TrayModelInput;
  actions: Record<TrayAction, () => void | Promise<void>>;
  clock: Clock;
  logger: Logger;
  /** The heartbeat time in the tooltip moves without a status change: refresh this often. */
  refreshMs?: number;
  /** Fetches what input() reads (the last heartbeat) before each periodic refresh. */
  beforeRefresh?: () => Promise<void>;
}

export class TrayController {
  private tray: TrayLike | undefined;
  private timer: TimerHandle | undefined;
  private current: TrayModel | undefined;

  private readonly o: TrayControllerOptions;


  constructor(o: TrayControllerOptions) {

    this.o = o;

  }

  /** What the tray shows now (the e2e hook reads it). */
  get model(): TrayModel | undefined {
    return this.current;
  }

  start(): void {
    const model = trayModel(this.o.input());
    this.tray = this.o.createTray(this.o.icon(model.icon));
    // A left click on Windows/Linux opens the kitchen; the menu is on the right click.
    this.tray.on('click', () => this.run('show'));
    this.apply(model);
    this.schedule();
  }

  /** Call on every status or setting change. Linux only picks up a menu that is set again. */
  update(): void {
    if (!this.tray) return;
    this.apply(trayModel(this.o.input()));
  }

  stop(): void {
    if (this.timer) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.tray?.destroy();
    this.tray = undefined;
  }

  private apply(model: TrayModel): void {
    const tray = this.tray!;
    if (model.icon !== this.current?.icon) tray.setImage(this.o.icon(model.icon));
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(this.o.buildMenu(this.template(model)));
    this.current = model;
  }

  private template(model: TrayModel): MenuItemConstructorOptions[] {
    return model.menu.map((entry): MenuItemConstructorOptions => {
      if (entry.kind === 'separator') return { type: 'separator' };
      const base = { label: entry.label, enabled: entry.enabled, click: () => this.run(entry.action) };
      return entry.kind === 'checkbox' ? { ...base, type: 'checkbox', checked: entry.checked } : base;
    });
  }

  private run(action: TrayAction): void {
    try {
      void Promise.resolve(this.o.actions[action]()).catch((error) => this.o.logger.error('tray action failed', { action, ...errorFields(error) }));
    } catch (error) {
      this.o.logger.error('tray action failed', { action, ...errorFields(error) });
    }
  }

  private schedule(): void {
    this.timer = this.o.clock.setTimeout(() => {
      this.timer = undefined;
      void (this.o.beforeRefresh?.() ?? Promise.resolve())
        .catch((error) => this.o.logger.warn('tray refresh failed', errorFields(error)))
        .then(() => {
          if (!this.tray) return; // stopped meanwhile
          this.update();
          this.schedule();
        });
    }, this.o.refreshMs ?? 60_000);
  }
}
