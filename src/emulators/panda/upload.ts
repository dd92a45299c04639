import { createHash, randomBytes, type Hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../common/http';
import { readParams } from './params';
import { createVideo } from './routes';
import type { PandaStore } from './store';
import { renderVideo } from './wire';

/** Resumable upload sessions (panda spec §6, §9.4): bytes are hashed as they arrive, never kept. */
interface Session {
  readonly id: string;
  readonly cloudId: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly profiles: string | undefined;
  readonly payload: string | undefined;
  readonly pathFormat: string | undefined;
  /** Contiguous bytes received from 0. */
  received: number;
  hash: Hash;
  videoId: string | null;
}

export class UploadSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly store: PandaStore,
    /** Answer `Range` when nothing was received yet (spec §9.4.17: configurable, off by default). */
    private readonly rangeWhenEmpty = false,
  ) {}

  open(cloudId: string, params: { fileName: string; fileSize: number; profiles: string | undefined; payload: string | undefined; pathFormat: string | undefined }): string {
    const id = randomBytes(12).toString('hex');
    this.sessions.set(id, { id, cloudId, ...params, received: 0, hash: createHash('sha256'), videoId: null });
    return id;
  }

  private rangeHeader(session: Session): Record<string, string> {
    return session.received > 0 || this.rangeWhenEmpty ? { range: `0-${Math.max(0, session.received - 1)}` } : {};
  }

  /** Takes `data` at absolute offset `start`, keeping only what extends the contiguous prefix. */
  private accept(session: Session, start: number, data: Buffer): void {
    const end = start + data.length;
    if (end <= session.received || start > session.received) return;
    const slice = data.subarray(session.received - start, Math.min(data.length, session.fileSize - start));
    session.hash.update(slice);
    session.received += slice.length;
  }

  private complete(session: Session, sha256: string): Record<string, unknown> {
    const state = this.store.cloud(session.cloudId)!;
    const now = this.store.now();
    const video = createVideo(this.store, state, {
      originalFilename: session.fileName.split('/').pop() ?? session.fileName,
      payload: session.payload ?? null,
      readyAt: now,
      fileSize: session.fileSize,
      duration: 30_000,
      uploadedSha256: sha256,
    }, session.profiles);
    if (session.pathFormat) video.path = session.pathFormat.replace(/:id|:video_id/g, video.id);
    session.videoId = video.id;
    return renderVideo(video, now);
  }

  async handle(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    const session = this.sessions.get(query.get('id') ?? '');
    if (!session) {
      req.resume();
      return sendJson(res, 404, { error: 'RecordNotFound', message: 'Upload session not found' });
    }
    if (req.method === 'DELETE') {
      req.resume();
      this.sessions.delete(session.id);
      res.writeHead(200).end();
      return;
    }
    if (req.method !== 'POST' && req.method !== 'PUT') {
      req.resume();
      return sendJson(res, 400, { error: 'BadRequest', message: 'Use POST or PUT' });
    }
    if (session.videoId !== null) {
      req.resume();
      const state = this.store.cloud(session.cloudId)!;
      const video = state.videos.get(session.videoId);
      return video ? sendJson(res, 200, renderVideo(video, this.store.now())) : sendJson(res, 404, { error: 'RecordNotFound', message: 'Video was deleted' });
    }
    if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      const params = await readParams(req, '');
      if (!params.file) return sendJson(res, 400, { error: 'BadRequest', message: 'file is required' });
      session.received = params.file.size;
      return sendJson(res, 200, this.complete(session, params.file.sha256));
    }
    const range = req.headers['content-range'];
    if (range !== undefined && /^bytes \*\/\d+$/.test(range)) {
      req.resume();
      res.writeHead(204, this.rangeHeader(session)).end();
      return;
    }
    const m = range === undefined ? null : /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    if (range !== undefined && !m) {
      req.resume();
      return sendJson(res, 400, { error: 'BadRequest', message: 'Invalid Content-Range' });
    }
    // the SDK never clamps the end and overlaps by one byte on resume: the body decides (spec §9.4.17)
    let position = m ? Number(m[1]) : 0;
    for await (const chunk of req) {
      this.accept(session, position, chunk as Buffer);
      position += (chunk as Buffer).length;
    }
    if (session.received >= session.fileSize) {
      return sendJson(res, 200, this.complete(session, session.hash.digest('hex')));
    }
    res.writeHead(204, this.rangeHeader(session)).end();
  }
}
