import { describe, expect, it } from 'vitest';
import { browserLaunchArgs, DISABLED_FEATURES, launchFlags } from '../../electron/whatsapp/browser-flags.ts';

describe('browserLaunchArgs', () => {
  it('keeps a hidden WhatsApp page running at full speed', () => {
    const args = browserLaunchArgs({ headless: true, platform: 'win32' });
    expect(args).toEqual(
      expect.arrayContaining([
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-timer-throttling',
        '--disable-backgrounding-occluded-windows',
        '--disable-renderer-backgrounding',
        '--mute-audio',
        '--disable-sync',
        '--disable-extensions',
        '--disable-component-update',
      ]),
    );
  });

  it('has exactly one --disable-features flag with the occlusion and wake-up throttling features', () => {
    const args = browserLaunchArgs({ headless: false, platform: 'win32' });
    const features = args.filter((arg) => arg.startsWith('--disable-features='));
    expect(features).toHaveLength(1);
    const list = features[0]!.slice('--disable-features='.length).split(',');
    expect(list).toEqual(expect.arrayContaining(['CalculateNativeWinOcclusion', 'IntensiveWakeUpThrottling']));
    expect(list).toHaveLength(DISABLED_FEATURES.length);
  });

  it('turns the sandbox off only for root on Linux', () => {
    expect(browserLaunchArgs({ headless: true, platform: 'linux', uid: 0 })).toContain('--no-sandbox');
    expect(browserLaunchArgs({ headless: true, platform: 'linux', uid: 1000 })).not.toContain('--no-sandbox');
    expect(browserLaunchArgs({ headless: true, platform: 'darwin', uid: 0 })).not.toContain('--no-sandbox');
    expect(browserLaunchArgs({ headless: true, platform: 'win32' })).not.toContain('--no-sandbox');
  });

  it('adds platform flags only where they apply', () => {
    expect(browserLaunchArgs({ headless: true, platform: 'linux', uid: 1000 })).toContain('--disable-dev-shm-usage');
    expect(browserLaunchArgs({ headless: true, platform: 'linux', uid: 1000 })).toContain('--password-store=basic');
    expect(browserLaunchArgs({ headless: true, platform: 'win32' })).not.toContain('--password-store=basic');
    expect(browserLaunchArgs({ headless: true, platform: 'win32' })).not.toContain('--disable-dev-shm-usage');
    expect(browserLaunchArgs({ headless: true, platform: 'darwin' })).toContain('--use-mock-keychain');
    expect(browserLaunchArgs({ headless: true, platform: 'linux', uid: 1000 })).not.toContain('--use-mock-keychain');
  });

  it('suppresses crash-restore and error dialogs only when the window can be seen', () => {
    expect(browserLaunchArgs({ headless: false, platform: 'win32' })).toContain('--hide-crash-restore-bubble');
    expect(browserLaunchArgs({ headless: true, platform: 'win32' })).not.toContain('--hide-crash-restore-bubble');
  });

  it('sets the profile directory only when asked (LocalAuth sets its own)', () => {
    expect(browserLaunchArgs({ headless: true, platform: 'linux', profileDir: '/data/wa/session' })).toContain(
      '--user-data-dir=/data/wa/session',
    );
    expect(browserLaunchArgs({ headless: true, platform: 'linux' }).some((arg) => arg.startsWith('--user-data-dir'))).toBe(
      false,
    );
  });

  it('gives every flag a reason and never repeats one', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      for (const headless of [true, false]) {
        const flags = launchFlags({ headless, platform, uid: 0, profileDir: '/p' });
        for (const entry of flags) expect(entry.why.length, entry.flag).toBeGreaterThan(10);
        const names = flags.map((entry) => entry.flag.split('=')[0]);
        expect(new Set(names).size).toBe(names.length);
      }
    }
  });
});
