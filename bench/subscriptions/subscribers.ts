import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * The subscribers of the bench: one WebSocket each, speaking graphql-transport-ws (the protocol of
 * the `graphql-ws` library) directly over `ws`. Each message is only stamped and kept as it
 * arrives, and parsed after the burst: with hundreds of sockets in one process, a client that
 * parsed and dispatched on arrival would add its own queueing to the latency it measures.
 */

/** What one subscriber received: `next` payloads by event id with their arrival time, and anything else. */
export interface Received {
  readonly at: number;
  readonly eventId: string | null;
  /** The GraphQL errors of the result, or the protocol message when it is not a `next`. */
  readonly problem: string | null;
}

/** A message's text, whichever form `ws` hands it in. */
function textOf(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}

export class BenchSubscriber {
  private arrivals: { at: number; data: WebSocket.RawData }[] = [];
  /** Set when the socket closed before the bench closed it. */
  closedEarly: string | null = null;
  private closing = false;

  private constructor(
    private readonly socket: WebSocket,
    readonly account: string,
  ) {
    socket.on('message', (data) => this.arrivals.push({ at: performance.now(), data }));
    socket.on('close', (code, reason) => {
      if (!this.closing) this.closedEarly = `${code} ${reason.toString('utf8')}`;
    });
  }

  /** Connects (connection_init → connection_ack) and subscribes to `query` with `{ account }`. */
  static async open(wsUrl: string, account: string, query: string, timeoutMs = 10_000): Promise<BenchSubscriber> {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    const acked = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${wsUrl}: no connection_ack within ${timeoutMs} ms`)), timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once('close', (code, reason) => {
        clearTimeout(timer);
        reject(new Error(`closed before connection_ack: ${code} ${reason.toString('utf8')}`));
      });
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.once('message', (data: WebSocket.RawData) => {
        clearTimeout(timer);
        const text = textOf(data);
        if ((JSON.parse(text) as { type?: string }).type === 'connection_ack') resolve();
        else reject(new Error(`expected connection_ack, got ${text.slice(0, 200)}`));
      });
    });
    await acked;
    socket.removeAllListeners('error');
    socket.removeAllListeners('close');
    socket.on('error', () => undefined);
    const subscriber = new BenchSubscriber(socket, account);
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { account } } }));
    return subscriber;
  }

  /** Messages received since the last call. */
  get pending(): number {
    return this.arrivals.length;
  }

  /** Parses and forgets what arrived since the last call. */
  drain(): Received[] {
    const arrivals = this.arrivals;
    this.arrivals = [];
    return arrivals.map(({ at, data }) => {
      const text = textOf(data);
      const message = JSON.parse(text) as { type?: string; payload?: { data?: { videoEvents?: { id?: string } | null }; errors?: { message: string }[] } };
      if (message.type !== 'next') return { at, eventId: null, problem: `${message.type ?? 'message'}: ${text.slice(0, 300)}` };
      const errors = message.payload?.errors;
      return { at, eventId: message.payload?.data?.videoEvents?.id ?? null, problem: errors?.length ? errors.map((e) => e.message).join('; ') : null };
    });
  }

  close(): Promise<void> {
    this.closing = true;
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close(1000);
    });
  }
}

/** Opens `count` subscribers, `parallel` handshakes at a time, account after account in turn. */
export async function openSubscribers(wsUrl: string, accounts: readonly string[], count: number, query: string, parallel = 50): Promise<BenchSubscriber[]> {
  const subscribers: BenchSubscriber[] = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, (_, j) => BenchSubscriber.open(wsUrl, accounts[(i + j) % accounts.length]!, query));
    subscribers.push(...(await Promise.all(batch)));
  }
  return subscribers;
}
