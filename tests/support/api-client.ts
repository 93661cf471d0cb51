// A small client for the host's REST API as DESIGN.md fixes it, for tests and benchmarks.

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

export class ApiClient {
  readonly base: string;
  readonly token: string;

  constructor(base: string, token: string) {
    this.base = base.replace(/\/$/, '');
    this.token = token;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { Authorization: `Bearer ${this.token}`, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const res = await fetch(this.base + path, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  put<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }

  /**
   * Marks the welcome flow done, so a kitchen screen opened on this fresh data directory shows the
   * board (tests and benchmarks about the board, not about the first run).
   */
  async skipSetup(): Promise<void> {
    const res = await this.put('/api/setup', { completed: true });
    if (res.status !== 200) throw new Error(`PUT /api/setup answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  /** Sends a customer's message through the simulator and fails loudly if the host refused it. */
  async say(from: string, body: string, name = 'Cliente'): Promise<void> {
    const res = await this.post('/api/sim/incoming', { from, name, body });
    if (res.status !== 200) throw new Error(`sim/incoming answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  async sent(to?: string): Promise<{ to: string; body: string; at: string }[]> {
    const res = await this.get<{ to: string; body: string; at: string }[]>(`/api/sim/sent${to ? `?to=${to}` : ''}`);
    return res.body;
  }
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 5000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
