import { connect } from 'node:net';

/** One HTTP/1.1 exchange written byte for byte on a fresh socket, as libcurl did for the SDK (dailymotion spec §3.1). */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export function sendRaw(port: number, bytes: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)/i.exec(all.subarray(0, end).toString('latin1'));
      if (end >= 0 && length && all.length >= end + 4 + Number(length[1])) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no HTTP response (${all.length} bytes)`));
      const [statusLine, ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(statusLine!);
      if (!m) return reject(new Error(`bad status line ${statusLine}`));
      const headers: Record<string, string> = {};
      for (const line of lines) headers[line.slice(0, line.indexOf(':')).trim().toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
      resolve({ status: Number(m[1]), headers, body: all.subarray(end + 4) });
    });
    socket.write(bytes);
  });
}

/** A recorded request with another request target; every other byte kept. */
export function retarget(raw: Buffer, target: string): Buffer {
  const eol = raw.indexOf('\r\n');
  const [method, , version] = raw.subarray(0, eol).toString('latin1').split(' ');
  return Buffer.concat([Buffer.from(`${method} ${target} ${version}`, 'latin1'), raw.subarray(eol)]);
}

/** The same request with one hex digit of the auth signature changed (same length, Content-Length kept). */
export function tamperAuth(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const m = /("auth": "[^"]*:)([0-9a-f])/.exec(text);
  if (!m) throw new Error('no auth member');
  const at = m.index + m[1]!.length;
  const swapped = m[2] === '0' ? '1' : '0';
  return Buffer.from(text.slice(0, at) + swapped + text.slice(at + 1), 'latin1');
}
