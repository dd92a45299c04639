import { randomBytes } from 'node:crypto';

/**
 * An id unique across replicas and restarts (upload ids, signature nonces): 48 bits of the clock in
 * milliseconds then 80 random bits, as 22 base64url characters. No per-process counter: two replicas
 * colliding would need the same millisecond and the same 80 random bits.
 */
export function uniqueId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Math.max(0, Math.floor(now)) % 2 ** 48, 0, 6);
  return bytes.toString('base64url');
}
