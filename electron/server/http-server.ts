// The host's own server: the REST API of DESIGN.md, the KdsApi over HTTP, the WebSocket event
// stream and the KDS page, so extra kitchen screens and end-to-end tests use the same renderer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  KDS_ERROR_STATUS,
  KdsError,
  describeZodError,
  isOrderStatus,
  linkRequestSchema,
  mediaIdSchema,
  recoveryCodeSchema,
  simIncomingSchema,
  simFaultSchema,
  transitionRequestSchema,
  type ListOrdersQuery,
} from '../../shared/kds-api.ts';
import {
  OWNER_TOKEN_HEADER,
  availabilityRequestSchema,
  cloudSignInSchema,
  networkRequestSchema,
  pauseRequestSchema,
  setPinRequestSchema,
  setupUpdateSchema,
  unlockRequestSchema,
  type OrdersPause,
} from '../../shared/owner-api.ts';
import { settingsPatchSchema } from '../../shared/settings.ts';
import { runAsCaller } from '../host/owner-guard.ts';
import { WHATSAPP_STATES, type WhatsAppStatus } from '../../shared/whatsapp-status.ts';
import { errorFields, type Logger } from '../host/logger.ts';
import type { KdsService } from '../host/kds-service.ts';
import { bearerToken, tokenMatches } from './access-token.ts';
import { serveStatic } from './static-files.ts';
import { EventSocketServer } from './event-socket.ts';
import type { Clock } from '../host/clock.ts';
import { dayReportCsv } from '../reports/day-report-csv.ts';
import { printRequestSchema, printerIdSchema, type PrintingStatus } from '../../shared/printing.ts';

export interface KdsServerOptions {
  service: KdsService;
  token: () => string;
  logger: Logger;
  clock: Clock;
  version: string;
  whatsappStatus: () => WhatsAppStatus;
  /** Counters shown with the health answer. */
  stats?: () => Record<string, number>;
  /** The orders pause, shown in GET /api/health. */
  pause?: () => OrdersPause;
  /** Built renderer (dist/renderer); the page is served from here. */
  staticDir: string | undefined;
  /** Request bodies beyond this are refused with 413. */
  maxBodyBytes?: number;
  /**
   * Awaited after a change that queues customer messages, so an API caller that reads the chat
   * right after (tests, integrations) sees what is due already sent. Bounded by the host.
   */
  settle?: () => Promise<void>;
  /** The print queue's state, shown in GET /api/health under `printing`. */
  printingStatus?: () => PrintingStatus;
}

type Handler = (ctx: RequestContext) => Promise<unknown>;

export interface RouteOptions {
  /** An owner route: besides the access token it needs X-Owner-Token once a PIN exists (else 403). */
  owner?: boolean;
  /** Bodies beyond this are refused with 413 (default: the server's maxBodyBytes). */
  maxBodyBytes?: number;
}

interface Route extends RouteOptions {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

interface RequestContext {
  req: IncomingMessage;
  url: URL;
  params: string[];
  body: () => Promise<unknown>;
  /** Bytes of the body read so far (after body()). */
  bodyBytes: () => number;
}

/** A handler's answer that is a file to download rather than JSON. */
export class FileDownload {
  readonly fileName: string;
  readonly data: Buffer;
  readonly contentType: string;
  constructor(fileName: string, data: Buffer, contentType: string) {
    this.fileName = fileName;
    this.data = data;
    this.contentType = contentType;
  }
}

/** A handler's JSON answer with a status other than 200 (202 Accepted for a queued print). */
export class JsonAnswer {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    this.status = status;
    this.body = body;
  }
}

const printerTestSchema = z.object({ printerId: printerIdSchema });

/** ?date= of the day's close: absent is today; a bad one is left for the service to refuse (400). */
function reportDate(url: URL): string | undefined {
  const date = url.searchParams.get('date');
  return date === null || date === '' ? undefined : date;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
/** A whole menu: 2,000 dishes with descriptions and options fit; a bigger body is a 413. */
export const MENU_MAX_BODY = 8 * 1024 * 1024;
const engineRequestSchema = z.object({ kind: z.enum(['simulator', 'whatsapp']) });
/** POST /api/sim/incoming with a `media` file: a 16 MiB file (and a little over, to practise "not kept") in base64. */
const SIM_MEDIA_MAX_BODY = 24 * 1024 * 1024;

/** A customer's kept file, shown inline by the kitchen screen and unable to run anything there. */
export class MediaDownload {
  readonly data: Buffer;
  readonly contentType: string;
  constructor(data: Buffer, contentType: string) {
    this.data = data;
    this.contentType = contentType;
  }
}
const simStatusSchema = z.object({ state: z.enum(WHATSAPP_STATES), error: z.string().max(500).optional() });
const recoveryCodeRequestSchema = z.object({ code: recoveryCodeSchema });

export class KdsServer {
  private readonly options: KdsServerOptions;
  private readonly server: Server;
  private readonly routes: Route[] = [];
  readonly events: EventSocketServer;

  constructor(options: KdsServerOptions) {
    this.options = options;
    this.server = createServer((req, res) => void this.dispatch(req, res));
    // A kitchen screen that goes away mid-request must not keep sockets open forever.
    this.server.requestTimeout = 30_000;
    this.server.headersTimeout = 15_000;
    this.server.keepAliveTimeout = 5_000;
    this.events = new EventSocketServer({
      server: this.server,
      path: '/api/events',
      authorize: (presented) => tokenMatches(options.token(), presented),
      subscribe: (listener) => options.service.subscribe(listener),
      clock: options.clock,
      logger: options.logger,
    });
    this.defineRoutes();
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.events.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private defineRoutes(): void {
    const { service } = this.options;
    const route = (method: string, path: string, handler: Handler, options: RouteOptions = {}) => this.route(method, path, handler, options);
    const owner: RouteOptions = { owner: true };

    route('GET', '/api/snapshot', () => service.getSnapshot());
    route('GET', '/api/orders', ({ url }) => service.listOrders(parseOrderQuery(url)));
    route('GET', '/api/orders/:id', async ({ params }) => service.getOrder(params[0]!));
    const settle = async () => this.options.settle?.();
    route('POST', '/api/orders/:id/transition', async ({ params, body }) => {
      const order = await service.transition(params[0]!, validate(transitionRequestSchema, await body()));
      await settle();
      return service.getOrder(order.id);
    });
    route('POST', '/api/orders/:id/undo', ({ params }) => service.undo(params[0]!));
    route('POST', '/api/orders/:id/acknowledge', ({ params }) => service.acknowledge(params[0]!));
    route('GET', '/api/handoffs', async () => service.handoffs());
    route('POST', '/api/handoffs/:phone/release', ({ params }) => service.releaseHandoff(params[0]!));
    route('GET', '/api/menu', () => service.getMenu());
    route('PUT', '/api/menu', async ({ body }) => service.saveMenu((await body()) as never), { owner: true, maxBodyBytes: MENU_MAX_BODY });
    route('POST', '/api/menu/items/:id/availability', async ({ params, body }) =>
      service.setItemAvailability(params[0]!, validate(availabilityRequestSchema, await body()).available),
    );
    route('POST', '/api/orders/pause', async ({ body }) => service.pauseOrders(validate(pauseRequestSchema, await body())));
    route('POST', '/api/orders/resume', () => service.resumeOrders());
    route('GET', '/api/settings', () => service.getSettings());
    route('PUT', '/api/settings', async ({ body }) => service.updateSettings(validate(settingsPatchSchema, await body())), owner);
    route('GET', '/api/owner', () => service.getOwnerStatus());
    // The PIN route guards itself: open while no PIN exists, owner once one does.
    route('PUT', '/api/owner/pin', async ({ body }) => service.setOwnerPin(validate(setPinRequestSchema, await body())));
    route('POST', '/api/owner/unlock', async ({ body }) => service.unlockOwner(validate(unlockRequestSchema, await body()).pin));
    route('GET', '/api/setup', () => service.getSetup());
    route('PUT', '/api/setup', async ({ body }) => service.updateSetup(validate(setupUpdateSchema, await body())), owner);
    route('GET', '/api/device/engine', async () => ({ kind: await service.getEngine() }));
    route('PUT', '/api/device/engine', async ({ body }) => ({ kind: await service.setEngine(validate(engineRequestSchema, await body()).kind) }), owner);
    route('GET', '/api/device/network', () => service.getNetworkAccess());
    route('PUT', '/api/device/network', async ({ body }) => service.setNetworkAccess(validate(networkRequestSchema, await body()).enabled), owner);
    route('POST', '/api/device/network/rotate-token', () => service.rotateAccessToken(), owner);
    route('POST', '/api/cloud/sign-in', async ({ body }) => service.cloudSignIn(validate(cloudSignInSchema, await body())), owner);
    route('POST', '/api/cloud/sign-out', () => service.cloudSignOut(), owner);

    route('GET', '/api/media/:id', async ({ params, req }) => {
      const id = validate(mediaIdSchema, params[0]);
      // The desktop app's transport asks for JSON; a browser's <audio>/<img> (via a blob) for the bytes.
      if (/\bapplication\/json\b/.test(req.headers.accept ?? '')) return service.getMedia(id);
      const file = service.readMedia(id);
      return new MediaDownload(file.data, file.mimetype);
    });

    route('POST', '/api/sim/incoming', async ({ body, bodyBytes }) => {
      const simulator = service.requireSimulator();
      const raw = await body();
      // Only a message carrying a file may be larger than any other request.
      if (bodyBytes() > (this.options.maxBodyBytes ?? DEFAULT_MAX_BODY) && !(raw && typeof raw === 'object' && 'media' in raw)) {
        throw new KdsError('too_large', `request body over ${this.options.maxBodyBytes ?? DEFAULT_MAX_BODY} bytes (only a message with a media file may be larger)`);
      }
      const message = simulator.receive(validate(simIncomingSchema, raw));
      await settle();
      return { ok: true, id: message.id };
    }, { maxBodyBytes: SIM_MEDIA_MAX_BODY });
    route('GET', '/api/sim/sent', async ({ url }) => {
      const to = url.searchParams.get('to');
      return service.requireSimulator().listSent(to === null || to === '' ? undefined : to);
    });
    route('GET', '/api/sim/conversation', async ({ url }) => {
      const phone = url.searchParams.get('phone');
      if (!phone) throw new KdsError('bad_request', 'phone is required');
      return service.simConversation(phone);
    });
    route('POST', '/api/sim/fault', async ({ body }) => {
      const { kind } = validate(simFaultSchema, await body());
      service.requireSimulator().fault(kind);
      return { ok: true, kind };
    });
    route('POST', '/api/sim/status', async ({ body }) => {
      const { state, error } = validate(simStatusSchema, await body());
      service.requireSimulator().setState(state, error);
      return { ok: true };
    });

    route('GET', '/api/whatsapp/health', () => service.getHealth());
    route('POST', '/api/whatsapp/link', async ({ body }) => service.linkWhatsApp(validate(linkRequestSchema, await body())), owner);
    route('POST', '/api/whatsapp/unlink', () => service.unlinkWhatsApp(), owner);
    route('POST', '/api/whatsapp/reconnect', () => service.reconnectWhatsApp(), owner);
    route('POST', '/api/diagnostics', () => service.exportDiagnostics());
    route('GET', '/api/cloud', () => service.getCloudStatus());
    route('POST', '/api/cloud/take-over', () => service.takeOverSession(), owner);
    route('POST', '/api/cloud/recovery-code/acknowledge', () => service.acknowledgeRecoveryCode(), owner);
    route('POST', '/api/cloud/recovery-code', async ({ body }) => service.enterRecoveryCode(validate(recoveryCodeRequestSchema, await body()).code), owner);
    route('POST', '/api/orders/:id/print', async ({ params, body }) => {
      const { copy } = validate(printRequestSchema, await body());
      const answer = await service.printOrder(params[0]!, copy);
      return new JsonAnswer(answer.state === 'printed' ? 200 : 202, answer);
    });
    route('GET', '/api/printing', () => service.getPrintingStatus());
    route('GET', '/api/printing/system-printers', () => service.listSystemPrinters());
    route('POST', '/api/printing/test', async ({ body }) => {
      const answer = await service.testPrinter(validate(printerTestSchema, await body()).printerId);
      return new JsonAnswer(202, answer);
    });
    route('GET', '/api/reports/day', ({ url }) => service.getDayReport(reportDate(url)), owner);
    route('GET', '/api/reports/day.csv', async ({ url }) => {
      const report = await service.getDayReport(reportDate(url));
      const csv = dayReportCsv(report, service.kitchenLocale());
      return new FileDownload(`cierre-${report.date}.csv`, Buffer.from(csv, 'utf8'), 'text/csv; charset=utf-8');
    }, owner);
    route('POST', '/api/reports/day/print', async ({ url }) => new JsonAnswer(202, await service.printDayReport(reportDate(url))), owner);
    route('GET', '/api/diagnostics/:name', async ({ params }) => {
      // Only names of zips the host wrote are served (diagnostics.ts checks them): no paths.
      const fileName = params[0]!;
      return new FileDownload(fileName, await service.readDiagnostics(fileName), 'application/zip');
    });
  }

  /**
   * Adds a route; `:name` segments become params. Other parts of the host add theirs here too (the
   * day report is an owner route: `{ owner: true }`).
   */
  route(method: string, path: string, handler: Handler, options: RouteOptions = {}): void {
    const pattern = new RegExp('^' + path.replace(/:[a-z]+/g, '([^/]+)') + '$');
    this.routes.push({ method, pattern, handler, ...options });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJson(res, 400, { error: { code: 'bad_request', message: 'malformed URL' } });
      return;
    }
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') {
      serveStatic(this.options.staticDir, req, res);
      return;
    }
    try {
      if (url.pathname === '/api/health' && req.method === 'GET') {
        sendJson(res, 200, {
          ok: true,
          whatsapp: this.options.whatsappStatus(),
          version: this.options.version,
          ...(this.options.pause ? { pause: this.options.pause() } : {}),
          ...(this.options.stats ? { stats: this.options.stats() } : {}),
          ...(this.options.printingStatus ? { printing: this.options.printingStatus() } : {}),
        });
        return;
      }
      if (!tokenMatches(this.options.token(), bearerToken(req.headers.authorization))) {
        throw new KdsError('unauthorized', 'missing or wrong access token (see DATA_DIR/access-token)');
      }
      const { route, params, allowed } = this.match(req.method ?? 'GET', url.pathname);
      if (!route) {
        if (allowed.length) {
          res.setHeader('Allow', allowed.join(', '));
          sendJson(res, 405, { error: { code: 'method_not_allowed', message: `use ${allowed.join(' or ')}` } });
          return;
        }
        throw new KdsError('not_found', `no such endpoint: ${req.method} ${url.pathname}`);
      }
      const ownerToken = headerValue(req.headers[OWNER_TOKEN_HEADER.toLowerCase()]);
      let bodyBytes = 0;
      const result = await runAsCaller({ ownerToken }, async () => {
        if (route.owner) this.options.service.requireOwner();
        return route.handler({
          req,
          url,
          params,
          body: async () => {
            const read = await readJsonBody(req, route.maxBodyBytes ?? this.options.maxBodyBytes ?? DEFAULT_MAX_BODY);
            bodyBytes = read.bytes;
            return read.value;
          },
          bodyBytes: () => bodyBytes,
        });
      });
      if (result instanceof FileDownload) sendFile(res, result);
      else if (result instanceof MediaDownload) sendMedia(res, result);
      else if (result instanceof JsonAnswer) sendJson(res, result.status, result.body);
      else sendJson(res, 200, result ?? { ok: true });
    } catch (error) {
      if (error instanceof KdsError) {
        if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
        sendJson(res, KDS_ERROR_STATUS[error.code], {
          error: { code: error.wireCode ?? error.code, message: error.message },
          ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        });
      } else {
        this.options.logger.error('request failed', { method: req.method, path: url.pathname, ...errorFields(error) });
        sendJson(res, 500, { error: { code: 'internal', message: 'internal error; see the host log' } });
      }
    }
  }

  private match(method: string, pathname: string) {
    const allowed: string[] = [];
    for (const r of this.routes) {
      const m = r.pattern.exec(pathname);
      if (!m) continue;
      if (r.method !== method) {
        allowed.push(r.method);
        continue;
      }
      let params: string[];
      try {
        params = m.slice(1).map((p) => decodeURIComponent(p));
      } catch {
        throw new KdsError('bad_request', 'malformed path');
      }
      return { route: r, params, allowed };
    }
    return { route: undefined, params: [], allowed };
  }
}

function parseOrderQuery(url: URL) {
  const query: ListOrdersQuery = {};
  const status = url.searchParams.get('status');
  if (status) {
    const names = status.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = names.filter((s) => !isOrderStatus(s));
    if (unknown.length) throw new KdsError('bad_request', `unknown status: ${unknown.join(', ')}`);
    query.status = names.filter(isOrderStatus);
  }
  const since = url.searchParams.get('since');
  if (since) query.since = since;
  const search = url.searchParams.get('search');
  if (search) query.search = search.slice(0, 200);
  const phone = url.searchParams.get('phone');
  if (phone) query.phone = phone.slice(0, 100);
  return query;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

function validate<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new KdsError('bad_request', describeZodError(result.error));
  return result.data;
}

async function readJsonBody(req: IncomingMessage, limit: number): Promise<{ value: unknown; bytes: number }> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    throw new KdsError('too_large', `request body over ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new KdsError('too_large', `request body over ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { value: {}, bytes: size };
  try {
    return { value: JSON.parse(text), bytes: size };
  } catch {
    throw new KdsError('bad_request', 'the body is not valid JSON');
  }
}

function sendFile(res: ServerResponse, file: FileDownload): void {
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.data.length,
    'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(file.data);
}

function sendMedia(res: ServerResponse, file: MediaDownload): void {
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.data.length,
    'Content-Disposition': 'inline',
    'Cache-Control': 'private, max-age=3600',
    'X-Content-Type-Options': 'nosniff',
    // Opened on its own, a customer's file can run nothing on the kitchen's address.
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  res.end(file.data);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}
