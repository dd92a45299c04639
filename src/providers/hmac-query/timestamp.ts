import { randomInt } from 'node:crypto';
import { isoTimestamp } from './sign';

let counter = 0;

/**
 * When a generated signature is said to be made (panda spec §3.3: "a POST signature may be used only
 * once"): the clock moved back by a random 0–999 ms plus a per-process counter in the microseconds.
 * The counter alone keeps one process's signatures apart; replicas share no counter, so the random
 * millisecond offset (crypto randomness) makes two of them signing the same request in the same
 * millisecond collide once in a million instead of once per coincidence. The timestamp stays a
 * plain ISO time a second old at most, well inside the API's 5-minute window.
 */
export function signatureTime(now: Date = new Date()): { date: Date; micros: number } {
  counter = (counter + 1) % 1000;
  const epochMicros = now.getTime() * 1000 - randomInt(0, 1000) * 1000 - counter;
  return { date: new Date(Math.floor(epochMicros / 1000)), micros: ((epochMicros % 1000) + 1000) % 1000 };
}

/** signatureTime as the SDK's timestamp text (isoTimestamp). */
export function uniqueTimestamp(now: Date = new Date()): string {
  const { date, micros } = signatureTime(now);
  return isoTimestamp(date, micros);
}
