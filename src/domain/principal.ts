/** Who is asking: with API keys configured, a key sees only its accounts (DESIGN §4). */
export interface Principal {
  readonly name: string | null;
  /** null: every account. */
  readonly accounts: ReadonlySet<string> | null;
}

export const OPEN_PRINCIPAL: Principal = { name: null, accounts: null };
