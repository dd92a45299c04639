import type { PerKeyLimits } from '../config/schema';
import { VidmeshError } from '../errors';

/** RATE_LIMITED for one API key over one of its shares (`server.perKey.<limit>`): HTTP 429 where the front answers it. */
export function overShare(limit: keyof PerKeyLimits, max: number, what: string, retryAfterSeconds: number): VidmeshError {
  return new VidmeshError('RATE_LIMITED', `this API key already has ${max} ${what} (server.perKey.${limit}); try again in ${retryAfterSeconds}s`, {
    httpStatus: 429,
    extra: { limit, max, retryAfterSeconds },
  });
}
