import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Args } from './http';
import type { StoredStream, StoredVideo, ZiggeoStore } from './store';

/**
 * The S3-like leg of the 2.30 upload flow (ziggeo spec §3.6): an unauthenticated multipart POST of
 * the `url_data.fields` then `file`. Field names follow S3 POST policies [INFER, spec §12.6]; the
 * signature is an HMAC of the policy under a secret of this emulator.
 */

export const UPLOAD_BUCKET = 'ziggeo-upload-bucket';
const SLOT_MS = 60 * 60 * 1000;

const amzDate = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export class UploadLeg {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly store: ZiggeoStore,
    /** Where clients post: the emulator's own `/s3/<bucket>/`, or a TLS front for the real 2.30 SDK. */
    private readonly url: () => string,
  ) {}

  open(appToken: string, video: StoredVideo, stream: StoredStream, kind: 'video' | 'image', now: number): { url: string; fields: Record<string, string> } {
    const key = `uploads/${appToken}/${video.token}/${stream.token}.${kind}`;
    const expiresAt = now + SLOT_MS;
    this.store.uploads.set(key, { key, app: appToken, videoToken: video.token, streamToken: stream.token, kind, expiresAt, media: null });
    const date = amzDate(new Date(now));
    const policy = Buffer.from(
      JSON.stringify({
        expiration: new Date(expiresAt).toISOString(),
        conditions: [{ bucket: UPLOAD_BUCKET }, { key }, { acl: 'private' }, ['content-length-range', 0, 10 * 1024 ** 3]],
      }),
    ).toString('base64');
    return {
      url: this.url(),
      fields: {
        key,
        acl: 'private',
        'x-amz-algorithm': 'AWS4-HMAC-SHA256',
        'x-amz-credential': `VIDMESHEMULATOR/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
        'x-amz-date': date,
        policy,
        'x-amz-signature': this.sign(policy),
      },
    };
  }

  /** Checks a POST's fields; the file then belongs to the slot. An S3-style XML error otherwise. */
  receive(args: Args, now: number): { status: number; body: string } {
    const fail = (status: number, code: string, message: string) => ({
      status,
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    });
    const policy = args.text('policy') ?? '';
    const signature = Buffer.from(args.text('x-amz-signature') ?? '', 'utf8');
    const expected = Buffer.from(this.sign(policy), 'utf8');
    if (!policy || signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      return fail(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
    const slot = this.store.uploads.get(args.text('key') ?? '');
    if (!slot) return fail(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$key"]');
    if (now > slot.expiresAt) return fail(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
    if (!args.file) return fail(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    slot.media = args.file.media;
    return { status: 204, body: '' };
  }

  private sign(policy: string): string {
    return createHmac('sha256', this.secret).update(policy).digest('hex');
  }
}
