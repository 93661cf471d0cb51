// A store-only (uncompressed) ZIP writer and reader with CRC-32 checks: no native dependency, and
// the archive opens with any unzip tool. Used for session backups (compression would gain little:
// the payload is encrypted afterwards and LevelDB files are already compressed) and for the
// diagnostics export (a few MB of logs at most).
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { crc32 } from 'node:zlib';

interface Entry {
  name: string;
  data: Buffer;
  mode: number;
  directory: boolean;
}

function collect(root: string, dir: string, out: Entry[]): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    const rel = relative(root, path).split(sep).join('/');
    if (stat.isDirectory()) {
      out.push({ name: `${rel}/`, data: Buffer.alloc(0), mode: stat.mode & 0o777, directory: true });
      collect(root, path, out);
    } else if (stat.isFile()) {
      out.push({ name: rel, data: readFileSync(path), mode: stat.mode & 0o777, directory: false });
    }
    // Symlinks and sockets (Chrome's SingletonLock etc.) are not part of a session.
  }
}

/** Zips the given folders (relative to root) of a directory; missing folders are skipped. */
export function zipFolders(root: string, folders: readonly string[]): Buffer {
  const entries: Entry[] = [];
  for (const folder of folders) {
    const path = join(root, folder);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) continue;
    // Parent folders first, so an unzip recreates them.
    const parts = folder.split('/');
    for (let i = 1; i < parts.length; i++) {
      const name = `${parts.slice(0, i).join('/')}/`;
      if (!entries.some((e) => e.name === name)) entries.push({ name, data: Buffer.alloc(0), mode: 0o700, directory: true });
    }
    entries.push({ name: `${folder}/`, data: Buffer.alloc(0), mode: stat.mode & 0o777, directory: true });
    collect(root, path, entries);
  }
  return zipEntries(entries);
}

/** Zips files held in memory (name: a relative path with '/' separators), each readable by its owner only. */
export function zipFiles(files: readonly { name: string; data: Buffer }[]): Buffer {
  return zipEntries(files.map((f) => ({ name: f.name, data: f.data, mode: 0o600, directory: false })));
}

function zipEntries(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((((entry.directory ? 0o040000 : 0o100000) | entry.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Unpacks a zip made by zipFolders into target, checking every CRC; refuses paths outside it. */
export function unzipTo(zip: Buffer, target: string): number {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const root = resolve(target);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged zip directory');
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const attributes = zip.readUInt32LE(at + 38) >>> 16;
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    const path = resolve(root, name);
    if (path !== root && !path.startsWith(root + sep)) throw new Error(`zip entry outside the target: ${name}`);
    const mode = attributes & 0o777;
    if (name.endsWith('/')) {
      mkdirSync(path, { recursive: true, mode: mode || 0o700 });
      continue;
    }
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    if (data.length !== size || crc32(data) >>> 0 !== crc) throw new Error(`zip entry damaged: ${name}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    if (mode) chmodSync(path, mode);
  }
  return count;
}
