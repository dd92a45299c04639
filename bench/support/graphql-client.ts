import { Agent, request } from 'undici';

export interface GraphQLAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** A keep-alive GraphQL client for the benchmarks; `post` fails on any GraphQL error. */
export class BenchClient {
  private readonly agent = new Agent({ connections: 64, keepAliveTimeout: 10_000 });

  constructor(readonly url: string) {}

  async post(query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<GraphQLAnswer> {
    const response = await request(this.url, {
      method: 'POST',
      dispatcher: this.agent,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables, ...(operationName && { operationName }) }),
    });
    const answer = (await response.body.json()) as GraphQLAnswer;
    if (response.statusCode !== 200 || answer.errors?.length) {
      throw new Error(`${operationName ?? 'query'}: HTTP ${response.statusCode} ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
    }
    return answer;
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
