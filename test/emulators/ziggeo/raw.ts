import { connect } from 'node:net';

/** One HTTP/1.1 exchange written byte for byte on a socket, as the SDK's urllib did (ziggeo spec §3.1). */
export interface RawResponse {
  readonly status: number;
  readonly reason: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export function sendRaw(port: number, bytes: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no HTTP response (${all.length} bytes)`));
      const [statusLine, ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
      const m = /^HTTP\/1\.1 (\d{3}) ?(.*)$/.exec(statusLine!);
      if (!m) return reject(new Error(`bad status line ${statusLine}`));
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(m[1]), reason: m[2]!, headers, body: all.subarray(end + 4) });
    });
    socket.end(bytes);
  });
}

/** A recorded request with its target and/or Authorization replaced; every other byte kept. */
export function rewriteRaw(raw: Buffer, change: { target?: string; authorization?: string }): Buffer {
  const end = raw.indexOf('\r\n\r\n');
  const [requestLine, ...headers] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const [method, target, version] = requestLine!.split(' ') as [string, string, string];
  const out = [`${method} ${change.target ?? target} ${version}`];
  for (const line of headers) {
    if (change.authorization !== undefined && /^authorization:/i.test(line)) out.push(`Authorization: ${change.authorization}`);
    else out.push(line);
  }
  return Buffer.concat([Buffer.from(out.join('\r\n'), 'latin1'), raw.subarray(end)]);
}

export function targetOf(raw: Buffer): string {
  return raw.subarray(0, raw.indexOf('\r\n')).toString('latin1').split(' ')[1]!;
}
