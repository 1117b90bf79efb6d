import { errorFromResponse, NetworkError, SignedOutError } from './errors.js';

/** What a request sends: a JSON body, an If-Match revision for writes that must not overwrite a newer one. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The revision this write builds on; a newer head gives a `ConflictError`. */
  ifMatch?: number;
  signal?: AbortSignal;
  /** 'text' for YAML and HTML downloads. */
  accept?: 'json' | 'text';
}

export interface ApiAnswer<T> {
  status: number;
  data: T;
  headers: Headers;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The one typed `fetch` of the app. Unsafe requests carry the session's CSRF token; a 401 tells the listener
 * (the session context sends the user to sign-in); every failure is thrown as an `ApiRequestError`.
 */
export class ApiClient {
  private csrfToken: string | null = null;
  private onSignedOut: (() => void) | undefined;

  /** In the app: same origin, the browser's fetch. Tests give a server's address and a fetch with a cookie jar. */
  constructor(private readonly transport: { base?: string; fetch?: typeof fetch } = {}) {}

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  /** Called on any 401, so that the app can show the sign-in screen. */
  whenSignedOut(listener: (() => void) | undefined): void {
    this.onSignedOut = listener;
  }

  async request<T>(url: string, options: RequestOptions = {}): Promise<ApiAnswer<T>> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = {
      accept: options.accept === 'text' ? '*/*' : 'application/json',
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (UNSAFE.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    let response: Response;
    try {
      const send = this.transport.fetch ?? fetch;
      response = await send(`${this.transport.base ?? ''}${url}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new NetworkError();
    }
    const data = await readBody(response, options.accept ?? 'json');
    if (!response.ok) {
      const error = errorFromResponse(response.status, data);
      if (error instanceof SignedOutError) this.onSignedOut?.();
      throw error;
    }
    return { status: response.status, data: data as T, headers: response.headers };
  }

  async get<T>(url: string, signal?: AbortSignal): Promise<T> {
    return (await this.request<T>(url, signal ? { signal } : {})).data;
  }

  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
    return (await this.request<T>(url, { method, body })).data;
  }
}

async function readBody(response: Response, accept: 'json' | 'text'): Promise<unknown> {
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    try {
      return await response.json();
    } catch {
      return null;
    }
  }
  return accept === 'text' || !response.ok ? response.text() : null;
}

/** The app's client: one per page. */
export const api = new ApiClient();
