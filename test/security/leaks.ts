import { SECRETS } from './stack';

/** Wrong secrets the gateway is configured with to provoke auth failures: as secret as the right ones. */
export const WRONG = {
  pandaA: `${SECRETS.pandaA}-WRONG`,
  telestream: `${SECRETS.telestream}-WRONG`,
  dailymotion: `${SECRETS.dailymotion}-WRONG`,
  ziggeoPrivate: `${SECRETS.ziggeoPrivate}-WRONG`,
} as const;

/** A provider answer echoing what must never come back: credentials, signatures, signed URLs, a stack. */
export const ECHO =
  `refused https://admin:${SECRETS.pandaB}@api.example.com/v2/videos.json?access_key=sec-panda-access-a&cloud_id=c&signature=SiGnAtUrEvAlUe0123%3D&timestamp=2026 ` +
  `signature=SiGnAtUrEvAlUe0123 api_key=${SECRETS.dailymotion} secret ${SECRETS.telestream} private ${SECRETS.ziggeoPrivate} ` +
  `key ${SECRETS.ziggeoEncryption} auth=AuThToKeN0123\n    at Object.handler (/srv/app/server.js:10:5)\n    at next (/srv/app/router.js:2:1)`;

const LEAKS: [string, RegExp][] = [
  ...Object.entries({ ...SECRETS, ...WRONG }).map(([name, value]): [string, RegExp] => [`secret ${name}`, new RegExp(value.replace(/[-]/g, '\\-'))]),
  ['a signature', /signature=(?!\[redacted\])/i],
  ['a signature value', /SiGnAtUrEvAlUe/],
  ['an access_key parameter', /access_key=(?!\[redacted\])/i],
  ['an auth token value', /AuThToKeN/],
  ['a stack frame', /(?:\n|\\n)\s+at |\bat [\w.<>$[\] ]+ \((?:\/|node:|file:)|\.js:\d+:\d+/],
  ['credentials in a URL', /:\/\/(?!\[redacted\]@)[^\s/"']+@/],
  ['an upstream URL with a query string', /https?:\/\/[^\s"'?]+\?(?!\[redacted\])[^\s"']*=/],
];

/** Every leak found in `text`, by name, with a little context. */
export function leaksIn(text: string): string[] {
  const found: string[] = [];
  for (const [name, pattern] of LEAKS) {
    const match = pattern.exec(text);
    if (match) found.push(`${name}: …${text.slice(Math.max(0, match.index - 60), match.index + 60)}…`);
  }
  return found;
}
