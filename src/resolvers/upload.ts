import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { DateTime, SafeInt } from '../schema/scalars';
import { asPanda } from './lookup';
import { maxLength, positiveInt } from './validate';

/** How long a signed Panda request stays valid: the API refuses older timestamps (panda spec §3.3). */
const PANDA_SIGNATURE_TTL_MS = 5 * 60 * 1000;

@InputType('SignUploadInput', { description: 'The file a browser is about to upload straight to the provider.' })
export class SignUploadInput {
  @Field(() => ID, { description: 'Account to upload into.' })
  account!: string;

  @Field(() => String, { description: 'Name of the file being uploaded.' })
  fileName!: string;

  @Field(() => SafeInt, { description: 'Exact size of the file in bytes.' })
  fileSize!: number;

  @Field(() => [String], { nullable: true, description: 'Profile names to encode with; `[]` for none.' })
  profiles?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Free text stored with the video.' })
  payload?: string | null;
}

@ObjectType('SignedParam', { description: 'One form or query parameter of a signed request.' })
export class SignedParam {
  @Field(() => String, { description: 'Parameter name.' })
  name!: string;

  @Field(() => String, { description: 'Parameter value, to send as is.' })
  value!: string;
}

@ObjectType('SignedUpload', {
  description: 'A request a browser sends to the provider itself: for Panda, `POST url` with `params`, answering an upload session `location`.',
})
export class SignedUpload {
  @Field(() => String, { description: 'Where to send the request.' })
  url!: string;

  @Field(() => String, { description: 'HTTP method.' })
  method!: string;

  @Field(() => [SignedParam], { description: 'Signed parameters (query string or form fields), signature included.' })
  params!: SignedParam[];

  @Field(() => DateTime, { description: 'After this the provider refuses the signature.' })
  expiresAt!: Date;
}

@Resolver()
export class UploadResolver {
  @Mutation(() => SignedUpload, { description: 'Signs a browser’s upload-session request (Panda `signed_params`). The secret never leaves the gateway.' })
  signUpload(@Arg('input', () => SignUploadInput, { description: 'The file to be uploaded.' }) input: SignUploadInput, @Ctx() ctx: RequestContext): SignedUpload {
    const source = asPanda(ctx.account(input.account), 'signed uploads');
    positiveInt(input.fileSize, 'fileSize');
    maxLength(input.fileName, 1024, 'fileName');
    maxLength(input.payload, 256, 'payload');
    const now = new Date();
    const signed = source.signUpload(input, now);
    return {
      url: signed.url,
      method: signed.method,
      params: Object.entries(signed.params).map(([name, value]) => ({ name, value })),
      expiresAt: new Date(now.getTime() + PANDA_SIGNATURE_TTL_MS),
    };
  }
}
