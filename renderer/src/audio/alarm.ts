// The new-order sound: a short two-tone beep from WebAudio (no audio files to ship or load).
// Browsers allow sound only after a user gesture, so the context is resumed from the first tap.
let context: AudioContext | undefined;

function audioContext(): AudioContext | undefined {
  try {
    context ??= new AudioContext();
    return context;
  } catch {
    return undefined;
  }
}

export function audioReady(): boolean {
  return context?.state === 'running';
}

/** Tries to start sound; true when it plays. Call it from a tap or key press. */
export async function unlockAudio(): Promise<boolean> {
  const ctx = audioContext();
  if (!ctx) return false;
  try {
    if (ctx.state !== 'running') {
      // resume() never settles in some browsers without a gesture: do not wait for it forever.
      await Promise.race([ctx.resume(), new Promise((resolve) => setTimeout(resolve, 300))]);
    }
  } catch {
    // stays suspended
  }
  return ctx.state === 'running';
}

/** Two loud short beeps, audible over a kitchen's noise. */
export function beep(): void {
  const ctx = context;
  if (!ctx || ctx.state !== 'running') return;
  const start = ctx.currentTime + 0.01;
  [988, 1319].forEach((freq, i) => {
    const t = start + i * 0.2;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.35, t + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.17);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.2);
  });
}
