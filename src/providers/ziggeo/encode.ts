import { pyStr, type PyDialect, type PyValue } from './python';

/** The request rules of the Ziggeo SDK: hosts, Basic auth, form encoding, verbs, multipart (ziggeo spec §1–§3). Pure. */

export type ZiggeoDialect = PyDialect;

/** Form arguments: a map in insertion order, or explicit pairs (order is what goes on the wire). */
export type FormArgs = { readonly [key: string]: PyValue } | readonly (readonly [string, PyValue])[];

/** Where each kind of call goes (spec §1.2): the server API, the video CDN (downloads), the `api_connect` host. */
export interface ZiggeoHosts {
  readonly api: string;
  readonly cdn: string;
  readonly apiConnect: string;
}
export type ZiggeoHostKind = keyof ZiggeoHosts;

const HOSTS: Record<ZiggeoDialect, { default: ZiggeoHosts; r1: ZiggeoHosts }> = {
  // spec §1.1: one host for everything
  '1.17': {
    default: { api: 'https://srvapi.ziggeo.com', cdn: 'https://srvapi.ziggeo.com', apiConnect: 'https://srvapi.ziggeo.com' },
    r1: { api: 'https://srvapi-eu-west-1.ziggeo.com', cdn: 'https://srvapi-eu-west-1.ziggeo.com', apiConnect: 'https://srvapi-eu-west-1.ziggeo.com' },
  },
  // spec §1.2
  '2.30': {
    default: { api: 'https://srv-api.ziggeo.com', cdn: 'https://video-cdn.ziggeo.com', apiConnect: 'https://api-us-east-1.ziggeo.com' },
    r1: { api: 'https://srv-api-eu-west-1.ziggeo.com', cdn: 'https://video-cdn-eu-west-1.ziggeo.com', apiConnect: 'https://api-eu-west-1.ziggeo.com' },
  },
};

/** The hosts for an application: EU when the token starts with `r1` (spec §1.1); `baseUrl` overrides all. */
export function ziggeoHosts(appToken: string, dialect: ZiggeoDialect, baseUrl?: string | null): ZiggeoHosts {
  if (baseUrl) {
    const base = baseUrl.replace(/\/+$/, '');
    return { api: base, cdn: base, apiConnect: base };
  }
  return appToken.startsWith('r1') ? HOSTS[dialect].r1 : HOSTS[dialect].default;
}

/** `Basic base64(token:private_key)`, standard alphabet, padded, no line breaks (spec §2). */
export function basicAuthorization(appToken: string, privateKey: string): string {
  return `Basic ${Buffer.from(`${appToken}:${privateKey}`, 'utf8').toString('base64')}`;
}

/** `quote_plus` with an empty safe set over UTF-8 bytes; Python 3.7+ also leaves `~` (spec §3.3). */
export function quotePlus(text: string, dialect: ZiggeoDialect): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.-]/.test(ch) || (ch === '~' && dialect === '2.30')) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function formPairs(args: FormArgs): (readonly [string, PyValue])[] {
  return Array.isArray(args) ? [...(args as readonly (readonly [string, PyValue])[])] : Object.entries(args);
}

/** `urlencode(data)` with `doseq=False`: pairs in order, values as Python `str()` (spec §3.3). */
export function formEncode(args: FormArgs, dialect: ZiggeoDialect): string {
  return formPairs(args)
    .map(([key, value]) => `${quotePlus(key, dialect)}=${quotePlus(pyStr(value, dialect), dialect)}`)
    .join('&');
}

/** Non-ASCII is dropped from paths; spaces and controls make the SDK refuse before sending (spec §1.3). */
export function asciiPath(path: string): string {
  const ascii = path.replace(/[^\u0000-\u007f]/g, '');
  if (/[\u0000-\u0020\u007f]/.test(ascii)) throw new RangeError('a Ziggeo path cannot hold spaces or control characters');
  return ascii.split('#')[0]!;
}

export type ZiggeoVerb = 'GET' | 'POST' | 'DELETE';

/** One request as the SDK's `request(method, path, data)` puts it on the wire (spec §3.2). */
export interface PlannedRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query, e.g. `/v1/videos/?limit=10`. */
  readonly target: string;
  /** Form body of a POST (empty string for none); null for GET. */
  readonly body: string | null;
  readonly contentType: string | null;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * GET: `data` in the query, a bare `?` for an empty map; DELETE: POST to `path?_method=DELETE`;
 * POST: the form body, empty when there are no arguments (spec §3.2).
 */
export function planRequest(verb: ZiggeoVerb, path: string, data: FormArgs | null | undefined, dialect: ZiggeoDialect): PlannedRequest {
  const wirePath = asciiPath(path);
  if (verb === 'GET') {
    return { method: 'GET', target: data == null ? wirePath : `${wirePath}?${formEncode(data, dialect)}`, body: null, contentType: null };
  }
  const target = verb === 'POST' ? wirePath : `${wirePath}?_method=${verb}`;
  return { method: 'POST', target, body: formEncode(data ?? {}, dialect), contentType: FORM_CONTENT_TYPE };
}

const MIME: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  webm: 'video/webm',
  ogv: 'video/ogg',
  avi: 'video/x-msvideo',
  mkv: 'video/x-matroska',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  vtt: 'text/vtt',
};

/** The last path component, split on `/` and `\` (spec §3.4). */
export function baseName(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

/** The text after the last `.`: the 2.30 `video_type` value (spec §3.6 step 1). */
export function fileExtension(path: string): string {
  return path.split('.').pop() ?? path;
}

/** The content type Python's `mimetypes` guesses from the extension (spec §3.4). */
export function guessContentType(fileName: string): string {
  const ext = baseName(fileName).includes('.') ? fileExtension(fileName).toLowerCase() : '';
  return MIME[ext] ?? 'application/octet-stream';
}

/** The bytes around a file in a multipart body: the file's own bytes go between `head` and `tail`. */
export interface MultipartFrame {
  readonly contentType: string;
  readonly head: Buffer;
  readonly tail: Buffer;
}

/**
 * 1.17: form-data fields, then one `Content-Disposition: file` part (spec §3.4).
 * 2.30: every part `form-data`, numbers as `str()` (spec §3.5).
 */
export function multipartFrame(dialect: ZiggeoDialect, boundary: string, fields: FormArgs, file: { readonly name: string; readonly contentType?: string }): MultipartFrame {
  const lines: string[] = [];
  for (const [name, value] of formPairs(fields)) {
    if (value === null && dialect === '2.30') throw new TypeError(`multipart field "${name}" cannot be None`);
    lines.push(`--${boundary}`, `Content-Disposition: form-data; name="${name}"`, '', pyStr(value, dialect));
  }
  const fileName = baseName(file.name);
  const disposition = dialect === '1.17' ? 'file' : 'form-data';
  lines.push(`--${boundary}`, `Content-Disposition: ${disposition}; name="file"; filename="${fileName}"`);
  lines.push(`Content-Type: ${file.contentType ?? guessContentType(fileName)}`, '', '');
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: Buffer.from(lines.join('\r\n'), 'utf8'),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'ascii'),
  };
}
