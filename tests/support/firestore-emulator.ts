// A local Firestore for tests: the npm @firestore-emulator/server (a Firestore gRPC server in Node)
// with the gaps the firebase client SDK trips on filled over the server's own state:
//  - the `Write` streaming RPC (the client's normal write path) is implemented;
//  - `Listen` serves every request of a stream (the client multiplexes targets on one stream) and
//    honours remove_target;
//  - write results carry `transform_results` (serverTimestamp / increment);
//  - Commit checks preconditions (exists / update_time) before applying anything and accepts
//    `verify` writes (as no-ops: this proto cannot decode their path), so a transaction that wrote
//    a document read earlier fails and retries on a conflict the way the real one does.
// stop() drops every connection (the offline case); start() again serves the same data on the
// same port. Security rules are not evaluated.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);

interface ProtoMessage {
  toObject(): Record<string, unknown>;
}
interface ProtoClass {
  fromObject(data: Record<string, unknown>): ProtoMessage;
}
interface Timestamp {
  seconds: number;
  nanos: number;
}
interface FieldValue {
  toV1ValueObject(): Record<string, unknown>;
}
interface StateDocument {
  metadata: { hasExist: boolean; updatedAt: Date | null };
  getField(path: string): FieldValue | undefined;
}
interface V1Write {
  has_delete: boolean;
  delete: string;
  has_update: boolean;
  update: { name: string };
  has_current_document: boolean;
  current_document: { has_exists: boolean; exists: boolean; has_update_time: boolean; update_time: Timestamp };
  update_transforms: { field_path: string }[];
}
interface V1ListenRequest {
  has_add_target: boolean;
  add_target: { target_id: number };
  has_remove_target: boolean;
  remove_target: number;
}
interface FirestoreStateLike {
  writeV1Document(date: Date, write: V1Write): ProtoMessage;
  v1Listen(request: V1ListenRequest, write: (response: ProtoMessage) => void, onEnd: (handler: () => void) => void): void;
  getDocument(path: string): StateDocument;
  clear(): void;
  toJSON(): unknown;
}
interface DuplexCall {
  on(event: string, listener: (...args: unknown[]) => void): void;
  write(message: ProtoMessage): void;
  end(): void;
  emit(event: 'error', error: { code: number; details: string }): void;
  cancelled: boolean;
  writableEnded?: boolean;
}
interface UnaryCall {
  request: { writes: V1Write[] };
}
type Callback = (error: { code: number; details: string; message: string } | null, value: ProtoMessage | null) => void;
interface Handler {
  func: (...args: unknown[]) => void;
}
interface GrpcServer {
  handlers: Map<string, Handler>;
  bindAsync(address: string, credentials: unknown, callback: (error: Error | null, port: number) => void): void;
  forceShutdown(): void;
}
interface FirestoreServerLike {
  state: FirestoreStateLike;
  server: GrpcServer;
}

const emulatorModule = require('@firestore-emulator/server') as {
  FirestoreServer: new () => FirestoreServerLike;
};
const protoDir = require.resolve('@firestore-emulator/proto/package.json').replace(/package\.json$/, '');
const firestoreProto = require(`${protoDir}dist/google/firestore/v1/firestore.js`) as Record<string, ProtoClass>;
const writeProto = require(`${protoDir}dist/google/firestore/v1/write.js`) as Record<string, ProtoClass>;
const grpc = require(require.resolve('@grpc/grpc-js', { paths: [require.resolve('@firestore-emulator/server')] })) as {
  ServerCredentials: { createInsecure(): unknown };
};

const SERVICE = '/google.firestore.v1.Firestore/';
const FAILED_PRECONDITION = 9;
const ABORTED = 10;
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const INTERNAL = 13;

function timestamp(date: Date): Timestamp {
  return { seconds: Math.floor(date.getTime() / 1000), nanos: (date.getTime() % 1000) * 1_000_000 };
}

function grpcError(error: unknown): { code: number; details: string; message: string } {
  const code = typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : INTERNAL;
  const details = error instanceof Error ? error.message : String(error);
  return { code, details, message: details };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface FirestoreEmulator {
  readonly host: string;
  readonly port: number;
  /** `host:port`, the value for FIRESTORE_EMULATOR_HOST. */
  readonly address: string;
  readonly running: boolean;
  /** The server's documents as JSON (for assertions that bypass the SDK). */
  dump(): unknown;
  clear(): void;
  /** Counts Write/Commit writes per document path (to prove "exactly once"). */
  writeCount(path: string): number;
  /** Drops every connection and stops listening; the data is kept. */
  stop(): void;
  /** Serves the same data on the same port again. */
  start(): Promise<void>;
}

export async function startFirestoreEmulator(options: { port?: number } = {}): Promise<FirestoreEmulator> {
  const host = '127.0.0.1';
  const port = options.port ?? (await freePort());
  const base = new emulatorModule.FirestoreServer();
  const state = base.state;
  const handlers = new Map(base.server.handlers);
  const writes = new Map<string, number>();

  const applyWrites = (date: Date, list: V1Write[]): ProtoMessage[] => {
    // Check every precondition first, so a rejected batch changes nothing.
    for (const write of list) {
      // This proto predates `verify` (a read-only document of a transaction): it decodes as a write
      // with neither update nor delete, and no path to check; it is accepted as a no-op.
      if (!write.has_delete && !write.has_update) continue;
      const path = write.has_delete ? write.delete : write.update.name;
      if (!write.has_current_document) continue;
      const document = state.getDocument(path);
      const precondition = write.current_document;
      if (precondition.has_exists) {
        if (precondition.exists && !document.metadata.hasExist) {
          throw Object.assign(new Error(`no document to update: ${path}`), { code: NOT_FOUND });
        }
        if (!precondition.exists && document.metadata.hasExist) {
          throw Object.assign(new Error(`document already exists: ${path}`), { code: ALREADY_EXISTS });
        }
      }
      if (precondition.has_update_time) {
        const updatedAt = document.metadata.hasExist ? document.metadata.updatedAt : null;
        const expected = precondition.update_time.seconds * 1000 + Math.floor(precondition.update_time.nanos / 1_000_000);
        if (!updatedAt || updatedAt.getTime() !== expected) {
          throw Object.assign(new Error(`the document changed since it was read: ${path}`), { code: FAILED_PRECONDITION });
        }
      }
    }
    return list.map((write) => {
      if (!write.has_delete && !write.has_update) {
        return writeProto.WriteResult!.fromObject({ update_time: timestamp(date), transform_results: [] });
      }
      const path = write.has_delete ? write.delete : write.update.name;
      writes.set(path, (writes.get(path) ?? 0) + 1);
      const result = state.writeV1Document(date, write);
      if (write.has_delete || write.update_transforms.length === 0) return result;
      const document = state.getDocument(write.update.name);
      return writeProto.WriteResult!.fromObject({
        ...result.toObject(),
        transform_results: write.update_transforms.map(
          (transform) => document.getField(transform.field_path)?.toV1ValueObject() ?? { null_value: 0 },
        ),
      });
    });
  };

  // Gap 1: the Write stream. First request: handshake; then each request is one atomic batch.
  handlers.get(`${SERVICE}Write`)!.func = (...args: unknown[]) => {
    const call = args[0] as DuplexCall;
    const streamId = `s${Math.random().toString(36).slice(2)}`;
    let sequence = 0;
    const token = () => new TextEncoder().encode(`${streamId}:${++sequence}`);
    let closed = false;
    call.on('data', (raw) => {
      if (closed) return;
      const request = raw as { writes: V1Write[] };
      if (sequence === 0) {
        call.write(firestoreProto.WriteResponse!.fromObject({ stream_id: streamId, stream_token: token() }));
        if (request.writes.length === 0) return;
      }
      const date = new Date();
      try {
        const results = applyWrites(date, request.writes);
        call.write(
          firestoreProto.WriteResponse!.fromObject({
            stream_token: token(),
            commit_time: timestamp(date),
            write_results: results.map((result) => result.toObject()),
          }),
        );
      } catch (error) {
        closed = true;
        const { code, details } = grpcError(error);
        call.emit('error', { code, details });
      }
    });
    call.on('end', () => {
      if (!closed) call.end();
      closed = true;
    });
    call.on('error', () => {
      closed = true;
    });
  };

  // Commit (transactions, and the non-stream path): preconditions, verify, transform results.
  handlers.get(`${SERVICE}Commit`)!.func = (...args: unknown[]) => {
    const call = args[0] as UnaryCall;
    const callback = args[1] as Callback;
    const date = new Date();
    try {
      const results = applyWrites(date, call.request.writes);
      callback(
        null,
        firestoreProto.CommitResponse!.fromObject({
          commit_time: timestamp(date),
          write_results: results.map((result) => result.toObject()),
        }),
      );
    } catch (error) {
      const failure = grpcError(error);
      // A stale read inside a transaction: the client retries on ABORTED.
      if (failure.code === FAILED_PRECONDITION) failure.code = ABORTED;
      callback(failure, null);
    }
  };

  // Gap 2: Listen serves every add_target / remove_target of the stream.
  handlers.get(`${SERVICE}Listen`)!.func = (...args: unknown[]) => {
    const call = args[0] as DuplexCall;
    const targets = new Map<number, (() => void)[]>();
    let closed = false;
    const closeAll = () => {
      if (closed) return;
      closed = true;
      for (const cleanups of targets.values()) for (const cleanup of cleanups) cleanup();
      targets.clear();
    };
    call.on('data', (raw) => {
      if (closed) return;
      const request = raw as V1ListenRequest;
      if (request.has_remove_target) {
        const id = request.remove_target;
        for (const cleanup of targets.get(id) ?? []) cleanup();
        targets.delete(id);
        call.write(
          firestoreProto.ListenResponse!.fromObject({ target_change: { target_change_type: 2, target_ids: [id] } }),
        );
        return;
      }
      if (!request.has_add_target) return;
      const id = request.add_target.target_id;
      const cleanups: (() => void)[] = [];
      targets.set(id, cleanups);
      try {
        state.v1Listen(
          request,
          (response) => {
            if (!closed && targets.get(id) === cleanups && !call.cancelled) call.write(response);
          },
          (handler) => cleanups.push(handler),
        );
      } catch (error) {
        closeAll();
        const { code, details } = grpcError(error);
        call.emit('error', { code, details });
      }
    });
    call.on('end', () => {
      closeAll();
      call.end();
    });
    call.on('cancelled', closeAll);
    call.on('error', closeAll);
    call.on('close', closeAll);
  };

  let server: GrpcServer | undefined;
  const ServerClass = base.server.constructor as new () => GrpcServer;

  const emulator: FirestoreEmulator = {
    host,
    port,
    address: `${host}:${port}`,
    get running() {
      return server !== undefined;
    },
    dump: () => state.toJSON(),
    clear: () => state.clear(),
    writeCount: (path) => {
      let total = 0;
      for (const [key, count] of writes) if (key.endsWith(`/documents/${path}`)) total += count;
      return total;
    },
    stop() {
      server?.forceShutdown();
      server = undefined;
    },
    async start() {
      if (server) return;
      const next = new ServerClass();
      for (const [path, handler] of handlers) next.handlers.set(path, handler);
      await new Promise<void>((resolve, reject) => {
        next.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (error) =>
          error ? reject(error) : resolve(),
        );
      });
      server = next;
    },
  };
  await emulator.start();
  return emulator;
}
