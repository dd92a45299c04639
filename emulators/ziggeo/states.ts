/**
 * The emulator's stream lifecycle (ziggeo spec §6.4). Only 5 = READY is attested, and 0 = EMPTY
 * appears in the vectors' canned answers; the other numbers are ours [INFER]. Clients compare names.
 */
export const STATES = { EMPTY: 0, UPLOADING: 1, PROCESSING: 3, READY: 5, FAILED: 7 } as const;
export type StateName = keyof typeof STATES;
export const STATE_NAMES = Object.keys(STATES) as StateName[];

/** `creation_type` 5 = SERVER_UPLOAD and `streamable` 2 = DEGRADED are attested [DOC]; 0 = NONE is ours. */
export const CREATION_SERVER_UPLOAD = { code: 5, name: 'SERVER_UPLOAD' } as const;
export const STREAMABLE = { NONE: { code: 0, name: 'NONE' }, DEGRADED: { code: 2, name: 'DEGRADED' } } as const;

/**
 * The `states` filter: a comma list of names (any case) or numbers [INFER]; null when it names an
 * unknown state.
 */
export function parseStates(text: string | null | undefined): Set<StateName> | null | undefined {
  if (text == null || text.trim() === '') return undefined;
  const out = new Set<StateName>();
  for (const raw of text.split(',')) {
    const item = raw.trim().toUpperCase();
    if (item === '') continue;
    const name = /^\d+$/.test(item) ? STATE_NAMES.find((n) => String(STATES[n]) === item) : STATE_NAMES.find((n) => n === item);
    if (!name) return null;
    out.add(name);
  }
  return out;
}
