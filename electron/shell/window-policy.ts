// What closing, hiding and quitting mean for a kitchen screen. Closing the window only hides it to
// the tray (orders keep arriving); Quit is explicit and asks first when orders are open. While the
// kitchen screen is on view the display is kept awake.
import type { PowerSaveBlocker } from 'electron';

export type PowerBlockerLike = Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;

export type CloseDecision = 'hide' | 'close';
export type QuitDecision = 'quit' | 'confirm';

export class WindowPolicy {
  private quitting = false;
  private blockerId: number | undefined;

  private readonly blocker: PowerBlockerLike;


  constructor(blocker: PowerBlockerLike) {

    this.blocker = blocker;

  }

  get isQuitting(): boolean {
    return this.quitting;
  }

  /** The window's close button: hide to the tray unless the app is on its way out. */
  onCloseRequested(): CloseDecision {
    return this.quitting ? 'close' : 'hide';
  }

  /** An explicit Quit (tray, Cmd+Q, the OS logging out): ask only when orders are open. */
  onQuitRequested(openOrders: number): QuitDecision {
    if (this.quitting) return 'quit';
    return openOrders > 0 ? 'confirm' : 'quit';
  }

  /** From here on closing closes and a second quit request does not ask again. */
  markQuitting(): void {
    this.quitting = true;
    this.setDisplayAwake(false);
  }

  /** Called when the window is shown, hidden, minimised or restored. */
  onVisibilityChanged(onView: boolean): void {
    this.setDisplayAwake(onView && !this.quitting);
  }

  get keepsDisplayAwake(): boolean {
    return this.blockerId !== undefined && this.blocker.isStarted(this.blockerId);
  }

  private setDisplayAwake(awake: boolean): void {
    if (awake && !this.keepsDisplayAwake) {
      this.blockerId = this.blocker.start('prevent-display-sleep');
    } else if (!awake && this.blockerId !== undefined) {
      if (this.blocker.isStarted(this.blockerId)) this.blocker.stop(this.blockerId);
      this.blockerId = undefined;
    }
  }
}
