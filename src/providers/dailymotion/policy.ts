import { badUserInput } from '../../errors';
import { SecLevel, type SecLevelName } from './sign-url';
import type { SecurityArgs } from './urls';

/** The levels a policy may ask for (dailymotion spec §7.1); NONE is the empty list. */
export type SecurityLevel = Exclude<SecLevelName, 'NONE'>;
export const SECURITY_LEVELS: readonly SecurityLevel[] = ['DELEGATE', 'ASNUM', 'IP', 'USERAGENT', 'USEONCE', 'COUNTRY', 'REFERER', 'REFERER_STRICT'];

/**
 * What a signed URL allows, explicitly: the levels, and the value each level locks. A level whose
 * value is missing is BAD_USER_INPUT with the SDK's own message (spec §7.6), except under DELEGATE,
 * which locks the viewer's values at first use instead of hashing them (spec §7.1).
 */
export interface SecurityPolicy {
  readonly levels?: readonly SecurityLevel[] | null;
  /** The viewer's AS number (ASNUM), opaque text. */
  readonly asnum?: string | null;
  /** The viewer's exact IP address (IP). */
  readonly ip?: string | null;
  /** The viewer's exact User-Agent header (USERAGENT). */
  readonly userAgent?: string | null;
  /** 2-letter country codes (COUNTRY). */
  readonly countries?: readonly string[] | null;
  /** DENY: play everywhere except `countries`; ALLOW (default): only there. */
  readonly countriesMode?: 'ALLOW' | 'DENY' | null;
  /** Referer URLs (REFERER, REFERER_STRICT). */
  readonly referers?: readonly string[] | null;
  /** When the URL stops working: Unix seconds or a Date; default now + 2 hours (spec §7.2). */
  readonly expiresAt?: Date | number | null;
}

/** The SDK's arguments for a policy: seclevel bits and the per-level values (spec §7.2). */
export function securityArgsOf(policy: SecurityPolicy | null | undefined): SecurityArgs {
  if (!policy) return {};
  let seclevel = 0;
  for (const level of policy.levels ?? []) {
    if (!SECURITY_LEVELS.includes(level)) throw badUserInput(`unknown security level "${String(level)}"`, { field: 'levels' });
    seclevel |= SecLevel[level];
  }
  const expires = policy.expiresAt instanceof Date ? Math.floor(policy.expiresAt.getTime() / 1000) : policy.expiresAt;
  if (expires !== null && expires !== undefined && (!Number.isFinite(expires) || expires <= 0)) {
    throw badUserInput('expiresAt must be a positive time', { field: 'expiresAt' });
  }
  const countries = policy.countries ?? undefined;
  return {
    seclevel,
    asnum: policy.asnum,
    ip: policy.ip,
    useragent: policy.userAgent,
    countries: countries && policy.countriesMode === 'DENY' && countries[0] !== '-' ? ['-', ...countries] : countries,
    referers: policy.referers ?? undefined,
    expires,
  };
}
