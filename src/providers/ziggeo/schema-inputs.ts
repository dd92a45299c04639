import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { PyValue } from './python';
import type { ZiggeoAuthTokenInput } from './inputs';
import { badUserInput } from '../../errors';
import { ZiggeoAuthToken, ZiggeoStream, ZiggeoVideo } from './schema';
import { DateTime, JSONObject, SafeInt } from '../../graph/common/scalars';
import { UploadSessionType } from '../../graph/common/upload-session';

/** Ziggeo inputs, payloads and their checks (ziggeo spec §5). Shapes only; resolvers live beside. */

@InputType('ZiggeoVideoFilter', { description: 'Narrows a Ziggeo video index or count; both filters are applied by Ziggeo.' })
export class ZiggeoVideoFilter {
  @Field(() => [String], { nullable: true, description: 'Only videos in one of these Ziggeo states (`rawStatus` names such as READY, PROCESSING).' })
  states?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only videos carrying every one of these tags.' })
  tags?: string[] | null;
}

@InputType('CreateZiggeoVideoInput', { description: 'A new Ziggeo video without media (a recorder or a later upload fills its stream).' })
export class CreateZiggeoVideoInput {
  @Field(() => ID, { description: 'Ziggeo account to create the video in.' })
  account!: string;

  @Field(() => String, { nullable: true, description: 'The application’s own unique key (URL-safe characters).' })
  key?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tags (no commas).' })
  tags?: string[] | null;

  @Field(() => SafeInt, { nullable: true, description: 'Minimum recording duration in seconds.' })
  minDuration?: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Maximum recording duration in seconds.' })
  maxDuration?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Volatile videos are removed unless they get media.' })
  volatile?: boolean | null;
}

@InputType('UpdateZiggeoVideoInput', { description: 'Changes to a Ziggeo video; absent fields stay, `null` clears where said.' })
export class UpdateZiggeoVideoInput {
  @Field(() => ID, { description: 'Global id of the ZiggeoVideo.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New unique key (URL-safe characters).' })
  key?: string | null;

  @Field(() => [String], { nullable: true, description: 'New tags (no commas); `null` or `[]` clears them.' })
  tags?: string[] | null;

  @Field(() => SafeInt, { nullable: true, description: 'Minimum recording duration in seconds.' })
  minDuration?: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Maximum recording duration in seconds.' })
  maxDuration?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the video is volatile.' })
  volatile?: boolean | null;

  @Field(() => SafeInt, { nullable: true, description: 'Days until Ziggeo deletes the video; `null` clears it.' })
  expirationDays?: number | null;

  @Field(() => String, { nullable: true, description: 'Day Ziggeo deletes the video, `YYYY-MM-DD`; `null` clears it.' })
  expireOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Moderation: approve (true) or reject (false); `null` resets.' })
  approved?: boolean | null;
}

@InputType('ZiggeoAuthTokenFields', { description: 'Fields of a Ziggeo auth token.' })
export class ZiggeoAuthTokenFields {
  @Field(() => JSONObject, {
    nullable: true,
    description: 'What the token allows: keys `read`, `create`, `update`, `destroy`; values `"all"` or `{resources: [token…], session_owned: bool}`.',
  })
  grants?: Record<string, unknown> | null;

  @Field(() => DateTime, { nullable: true, description: 'When the token stops working (in the future); `null` on update clears it.' })
  expiresAt?: Date | null;

  @Field(() => SafeInt, { nullable: true, description: 'Seconds one session may use the token (≥ 1).' })
  usageExpirationTime?: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'How many sessions may use the token (≥ 1).' })
  sessionLimit?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Volatile tokens are removed once unused for a while.' })
  volatile?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Hide the token from the dashboard’s listing.' })
  hidden?: boolean | null;
}

@InputType('CreateZiggeoAuthTokenInput', { description: 'A new server-side Ziggeo auth token.' })
export class CreateZiggeoAuthTokenInput extends ZiggeoAuthTokenFields {
  @Field(() => ID, { description: 'Ziggeo account to create the token in.' })
  account!: string;
}

@InputType('UpdateZiggeoAuthTokenInput', { description: 'Changes to a Ziggeo auth token; absent fields stay.' })
export class UpdateZiggeoAuthTokenInput extends ZiggeoAuthTokenFields {
  @Field(() => ID, { description: 'Global id of the ZiggeoAuthToken.' })
  id!: string;
}

@InputType('CreateZiggeoClientAuthTokenInput', { description: 'A client auth token the gateway encrypts itself (ziggeo spec §8).' })
export class CreateZiggeoClientAuthTokenInput extends ZiggeoAuthTokenFields {
  @Field(() => ID, { description: 'Ziggeo account whose encryption key signs the token.' })
  account!: string;
}

@ObjectType('ZiggeoVideoPayload', { description: 'The Ziggeo video a mutation created or changed.' })
export class ZiggeoVideoPayload {
  @Field(() => ZiggeoVideo, { description: 'The video as Ziggeo answered.' })
  video!: unknown;
}

@ObjectType('ZiggeoStreamPayload', { description: 'The Ziggeo stream a mutation created or changed.' })
export class ZiggeoStreamPayload {
  @Field(() => ZiggeoStream, { description: 'The stream as Ziggeo answered.' })
  stream!: unknown;

  @Field(() => UploadSessionType, { nullable: true, description: 'The file’s upload session (as `uploadSession` shows it) when the mutation carried a file; null otherwise.' })
  upload?: UploadSessionType | null;
}

@ObjectType('ZiggeoAuthTokenPayload', { description: 'The Ziggeo auth token a mutation created or changed.' })
export class ZiggeoAuthTokenPayload {
  @Field(() => ZiggeoAuthToken, { description: 'The token as Ziggeo answered.' })
  authToken!: unknown;
}

@ObjectType('ZiggeoPushPayload', { description: 'A video or stream handed to a Ziggeo push service (S3, YouTube, …).' })
export class ZiggeoPushPayload {
  @Field(() => ID, { description: 'Global id of the pushed video or stream.' })
  pushedId!: string;

  @Field(() => String, { description: 'The push service it went to.' })
  pushServiceToken!: string;
}

const GRANT_ACTIONS = ['read', 'create', 'update', 'destroy'];
const MAX_RESOURCES = 1000;

/** Grants as the docs describe them (spec §8): checked here so a typo fails before anything is signed or sent. */
export function checkGrants(grants: Record<string, unknown>): { readonly [key: string]: PyValue } {
  for (const [action, value] of Object.entries(grants)) {
    if (!GRANT_ACTIONS.includes(action)) throw badUserInput(`grants: unknown action "${action.slice(0, 32)}" (read, create, update, destroy)`, { field: 'grants' });
    if (value === 'all') continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badUserInput(`grants.${action}: "all" or an object`, { field: 'grants' });
    const { resources, session_owned: sessionOwned } = value as Record<string, unknown>;
    if (resources !== undefined) {
      if (!Array.isArray(resources) || resources.length > MAX_RESOURCES || !resources.every((r) => typeof r === 'string' && r.length > 0 && r.length <= 256)) {
        throw badUserInput(`grants.${action}.resources: a list of at most ${MAX_RESOURCES} tokens or keys`, { field: 'grants' });
      }
    }
    if (sessionOwned !== undefined && typeof sessionOwned !== 'boolean') throw badUserInput(`grants.${action}.session_owned: a boolean`, { field: 'grants' });
  }
  // JSONObject values are JSON: a subset of what the SDK's options may hold
  return grants as { readonly [key: string]: PyValue };
}

function atLeastOne(value: number | null | undefined, field: string): void {
  if (value != null && (!Number.isSafeInteger(value) || value < 1)) throw badUserInput(`${field}: a whole number ≥ 1`, { field });
}

/** Checked token fields; `null` survives only where Ziggeo can clear (numbers, grants), booleans drop it. */
export function authTokenFields(input: ZiggeoAuthTokenFields, nowMs: number, allowClear: boolean): ZiggeoAuthTokenInput {
  atLeastOne(input.usageExpirationTime, 'usageExpirationTime');
  atLeastOne(input.sessionLimit, 'sessionLimit');
  if (input.expiresAt != null && input.expiresAt.getTime() <= nowMs) throw badUserInput('expiresAt: must be in the future', { field: 'expiresAt' });
  const clearable = <T>(value: T | null | undefined): T | null | undefined => (value === null && !allowClear ? undefined : value);
  return {
    volatile: input.volatile ?? undefined,
    hidden: input.hidden ?? undefined,
    expiresAt: clearable(input.expiresAt),
    usageExpirationTime: clearable(input.usageExpirationTime),
    sessionLimit: clearable(input.sessionLimit),
    grants: input.grants == null ? clearable(input.grants) : checkGrants(input.grants),
  };
}

/** The `states` filter travels as a comma list (spec §6.4): names only, so none can smuggle a comma. */
export function checkStates(states: readonly string[] | null | undefined): string[] | undefined {
  if (!states?.length) return undefined;
  for (const state of states) {
    if (!/^[A-Za-z0-9_]{1,32}$/.test(state)) throw badUserInput(`states: "${state.slice(0, 32)}" is not a state name`, { field: 'states' });
  }
  return states.map((s) => s.toUpperCase());
}
