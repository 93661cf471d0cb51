// The cloud service's Firebase web config, built into the app: where the build reads it
// (COMANDA_FIREBASE_CONFIG first, then build/firebase-config.json), that a broken one is refused
// with the bad field, and that the define the build passes to esbuild makes builtInFirebaseConfig()
// return it in the bundle (and nothing when none was given).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { builtInFirebaseConfig, firebaseConfigDefine, readFirebaseConfigSource } from '../../electron/cloud/firebase-config-source.ts';
import { REPO_ROOT } from '../support/headless-process.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const CONFIG = { apiKey: 'AIza-test', authDomain: 'demo.example', projectId: 'demo-comanda', appId: '1:2:web:3' };

describe('the Firebase config the build reads', () => {
  it('takes the env var first, then build/firebase-config.json, else none; refuses a broken one', () => {
    const tmp = makeTempDir();
    try {
      expect(readFirebaseConfigSource({ env: {}, root: tmp.dir })).toBeUndefined();
      mkdirSync(join(tmp.dir, 'build'));
      writeFileSync(join(tmp.dir, 'build', 'firebase-config.json'), JSON.stringify({ ...CONFIG, projectId: 'from-file' }));
      expect(readFirebaseConfigSource({ env: {}, root: tmp.dir })).toMatchObject({ config: { projectId: 'from-file' }, source: join('build', 'firebase-config.json') });
      expect(readFirebaseConfigSource({ env: { COMANDA_FIREBASE_CONFIG: JSON.stringify(CONFIG) }, root: tmp.dir })).toMatchObject({ config: CONFIG, source: 'COMANDA_FIREBASE_CONFIG' });
      expect(() => readFirebaseConfigSource({ env: { COMANDA_FIREBASE_CONFIG: '{"apiKey": "k"}' }, root: tmp.dir })).toThrow(/COMANDA_FIREBASE_CONFIG is not valid: projectId/);
      expect(() => readFirebaseConfigSource({ env: { COMANDA_FIREBASE_CONFIG: '{ nope' }, root: tmp.dir })).toThrow(/not valid JSON/);
      writeFileSync(join(tmp.dir, 'build', 'firebase-config.json'), '{ "projectId": "x" }');
      expect(() => readFirebaseConfigSource({ env: {}, root: tmp.dir })).toThrow(/firebase-config\.json is not valid: apiKey/);
    } finally {
      tmp.cleanup();
    }
  });

  it('is built in through the define, and absent without one (source runs have none)', { timeout: 30_000 }, async () => {
    expect(builtInFirebaseConfig()).toBeUndefined();
    const tmp = makeTempDir();
    try {
      const bundle = async (name: string, found: { text: string } | undefined) => {
        const outfile = join(tmp.dir, `${name}.mjs`);
        await build({
          entryPoints: [join(REPO_ROOT, 'electron', 'cloud', 'firebase-config-source.ts')],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'esm',
          // Self-contained (zod inside): the bundle lives in a temp dir without node_modules.
          logLevel: 'silent',
          define: firebaseConfigDefine(found),
        });
        return (await import(pathToFileURL(outfile).href)) as typeof import('../../electron/cloud/firebase-config-source.ts');
      };
      const withConfig = await bundle('with', { text: JSON.stringify(CONFIG) });
      expect(withConfig.builtInFirebaseConfig()).toEqual(CONFIG);
      const without = await bundle('without', undefined);
      expect(without.builtInFirebaseConfig()).toBeUndefined();
    } finally {
      tmp.cleanup();
    }
  });
});
