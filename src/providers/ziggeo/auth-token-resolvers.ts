import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { ClientAuthTokenEntropy, ClientAuthTokenOptions } from './auth-token';
import type { ZiggeoAuthTokenRecord } from './map';
import type { PyValue } from './python';
import { hooksOf } from '../../graph/common/hooks';
import { ZiggeoAuthToken, ZiggeoClientAuthToken } from './schema';
import { JSONObject } from '../../graph/common/scalars';
import { DeletePayload } from '../../graph/common/payloads';
import { asZiggeo, locate } from './lookup';
import { authTokenFields, CreateZiggeoAuthTokenInput, CreateZiggeoClientAuthTokenInput, UpdateZiggeoAuthTokenInput, ZiggeoAuthTokenPayload } from './schema-inputs';

/** Ziggeo auth tokens: server-side ones (ziggeo spec §5.3) and client ones encrypted locally (spec §8). */

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

@Resolver(() => ZiggeoAuthToken)
export class ZiggeoAuthTokenResolver {
  @Query(() => ZiggeoAuthToken, { description: 'One server-side auth token of a Ziggeo application (`authtokens.get`). One call.' })
  ziggeoAuthToken(
    @Ctx() ctx: RequestContext,
    @Arg('account', () => ID, { description: 'The Ziggeo account.' }) account: string,
    @Arg('token', () => String, { description: 'The auth token.' }) token: string,
  ): Promise<ZiggeoAuthTokenRecord> {
    return asZiggeo(ctx.account(account), 'ziggeoAuthToken').getAuthToken(token);
  }

  @FieldResolver(() => JSONObject, { nullable: true, description: 'The grants as an object; null when none, or when Ziggeo echoed something else (see `grantsText`).' })
  grants(@Root() token: ZiggeoAuthTokenRecord): Record<string, unknown> | null {
    if (token.grants === null) return null;
    try {
      const parsed = JSON.parse(token.grants) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  @FieldResolver(() => String, { nullable: true, description: 'The grants exactly as Ziggeo echoed them, as text.' })
  grantsText(@Root() token: ZiggeoAuthTokenRecord): string | null {
    return token.grants;
  }

  @Mutation(() => ZiggeoAuthTokenPayload, { description: 'Creates a server-side auth token (`authtokens.create`). Not retried.' })
  async createZiggeoAuthToken(
    @Arg('input', () => CreateZiggeoAuthTokenInput, { description: 'The token.' }) input: CreateZiggeoAuthTokenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoAuthTokenPayload> {
    const source = asZiggeo(ctx.account(input.account), 'createZiggeoAuthToken');
    return { authToken: await source.createAuthToken(authTokenFields(input, hooksOf(ctx).now(), false)) };
  }

  @Mutation(() => ZiggeoAuthTokenPayload, { description: 'Changes a server-side auth token (`authtokens.update`).' })
  async updateZiggeoAuthToken(
    @Arg('input', () => UpdateZiggeoAuthTokenInput, { description: 'The changes.' }) input: UpdateZiggeoAuthTokenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ZiggeoAuthTokenPayload> {
    const { source, nativeId } = locate(ctx, input.id, ['ZiggeoAuthToken']);
    return { authToken: await asZiggeo(source).updateAuthToken(nativeId, authTokenFields(input, hooksOf(ctx).now(), true)) };
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a server-side auth token (`authtokens.delete`).' })
  async deleteZiggeoAuthToken(@Arg('id', () => ID, { description: 'Global id of the ZiggeoAuthToken.' }) id: string, @Ctx() ctx: RequestContext): Promise<DeletePayload> {
    const { source, nativeId } = locate(ctx, id, ['ZiggeoAuthToken']);
    await asZiggeo(source).deleteAuthToken(nativeId);
    return { deletedId: id };
  }

  @Mutation(() => ZiggeoClientAuthToken, {
    description: 'Encrypts a client auth token with the account’s encryption key, as `ZiggeoAuth.generate` does: no upstream call; the key never leaves the gateway.',
  })
  createZiggeoClientAuthToken(
    @Arg('input', () => CreateZiggeoClientAuthTokenInput, { description: 'What the token allows, and for how long.' }) input: CreateZiggeoClientAuthTokenInput,
    @Ctx() ctx: RequestContext,
  ): ZiggeoClientAuthToken {
    const source = asZiggeo(ctx.account(input.account), 'client auth tokens');
    const hooks = hooksOf(ctx);
    const fields = authTokenFields(input, hooks.now(), false);
    // the SDK's documented option order (spec §8, vector auth.all_fields); absent options are left out
    const options: Record<string, PyValue> = {};
    const ordered: [string, PyValue | undefined][] = [
      ['volatile', fields.volatile],
      ['hidden', fields.hidden],
      ['expiration_date', input.expiresAt ? seconds(input.expiresAt) : undefined],
      ['usage_expiration_time', fields.usageExpirationTime ?? undefined],
      ['session_limit', fields.sessionLimit ?? undefined],
      ['grants', (fields.grants ?? undefined) as PyValue | undefined],
    ];
    for (const [key, value] of ordered) if (value !== undefined) options[key] = value;
    // the gateway's test hook hands Ziggeo's own entropy through, untyped on the way
    const entropy: ClientAuthTokenEntropy = { nowSeconds: hooks.now() / 1000, ...(hooks.clientTokenEntropy?.() as ClientAuthTokenEntropy | undefined) };
    const made = source.generateClientAuthToken(options as ClientAuthTokenOptions, entropy);
    return { token: made.token, nonce: made.nonce, expiresAt: input.expiresAt ? new Date(seconds(input.expiresAt) * 1000) : null };
  }
}
