import { createHash, randomBytes, type Hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../common/http';
import { boundaryOf } from '../common/multipart';
import { ApiError, badRequest, fileTooLarge } from './errors';
import { readMultipartParams } from './params';
import type { ReceivedFile } from './records';
import { answerPartStatus, PartSet, readPart } from './upload-parts';
import type { PandaStore } from './store';
import { checkVideoOptions, createVideo, type VideoOptions } from './video-records';
import { renderVideo } from './wire';

/**
 * Resumable upload sessions (panda spec §6, §9.4). Bytes are hashed as they arrive and never kept:
 * only what extends the contiguous prefix `[0, received)` counts, so resumes may overlap (the SDK
 * re-sends one byte) and chunks past a gap are dropped until the client resumes from `Range`.
 */
interface Session {
  readonly id: string;
  readonly cloudId: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly options: VideoOptions;
  received: number;
  readonly hash: Hash;
  videoId: string | null;
  /** Multi-chunk sessions only (telestream spec §6). */
  parts: PartSet | null;
}

export interface UploadOptions {
  /** Answer `Range: 0-0` to a status query before any byte arrived (spec §9.4.17: off, the header is omitted). */
  readonly rangeWhenEmpty: boolean;
  readonly maxFileSize: number | null;
  /** Part size of multi-chunk sessions; null: not offered (Panda). */
  readonly partSize: number | null;
}

const notFoundSession = (id: string) => new ApiError(404, 'RecordNotFound', `Couldn't find UploadSession with ID=${id}`);

export class UploadSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly store: PandaStore,
    private readonly options: UploadOptions,
  ) {}

  open(cloudId: string, fileName: string, fileSize: number, options: VideoOptions, multiChunk = false): string {
    const id = randomBytes(10).toString('hex');
    const parts = multiChunk && this.options.partSize !== null ? new PartSet(fileSize, this.options.partSize) : null;
    this.sessions.set(id, { id, cloudId, fileName, fileSize, options, received: 0, hash: createHash('sha256'), videoId: null, parts });
    return id;
  }

  /** Sessions that have not made a video yet and were not deleted: half-done uploads. */
  unfinished(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.videoId === null) n++;
    return n;
  }

  /** `part_size` and `parts` of a multi-chunk session (telestream spec §6.1). */
  partsOf(id: string): { part_size: number; parts: number } | null {
    const parts = this.sessions.get(id)?.parts;
    return parts ? { part_size: parts.partSize, parts: parts.count } : null;
  }

  /** POST a part, GET what is missing, DELETE to abort (telestream spec §6.2–§6.5). */
  private async handleParts(req: IncomingMessage, res: ServerResponse, session: Session, parts: PartSet): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'GET') {
      req.resume();
      return answerPartStatus(res, session.videoId === null ? parts : null);
    }
    if (method !== 'POST') throw badRequest('Multi-part upload sessions take POST, GET or DELETE');
    const { index, body } = await readPart(req, parts);
    if (session.videoId !== null) return this.done(session, res);
    parts.put(index, body);
    if (parts.missing().length > 0) return sendJson(res, 200, { status: 'uploading', part: index });
    const answer = this.complete(session, parts.assemble(session.fileName));
    session.received = session.fileSize;
    // the completing part answers the Video still `processing` (spec §6.3): assembly takes a queue slot
    const video = this.store.cloud(session.cloudId)?.videos.get(session.videoId!);
    if (video) video.readyAt = this.store.now() + this.store.timing.queueMs;
    return sendJson(res, 200, video ? renderVideo(video, this.store.now()) : answer);
  }

  /** The cloud a session belongs to, for the request log. */
  cloudOf(id: string | null): string | null {
    return (id !== null && this.sessions.get(id)?.cloudId) || null;
  }

  private rangeHeader(session: Session): Record<string, string> {
    if (session.received === 0 && !this.options.rangeWhenEmpty) return {};
    return { range: `0-${Math.max(0, session.received - 1)}` };
  }

  /** Writes `data` found at absolute offset `start`: the part past the prefix, up to the file size. */
  private accept(session: Session, start: number, data: Buffer): void {
    const end = Math.min(start + data.length, session.fileSize);
    if (start > session.received || end <= session.received) return;
    session.hash.update(data.subarray(session.received - start, end - start));
    session.received = end;
  }

  /** Creates the video as POST /videos.json would, with the session's parameters (spec §9.4.17). */
  private complete(session: Session, file: ReceivedFile): Record<string, unknown> {
    const state = this.store.cloud(session.cloudId);
    if (!state) throw notFoundSession(session.id);
    const profiles = checkVideoOptions(this.store, state, session.options, false);
    const video = createVideo(this.store, state, { kind: 'file', file }, profiles, session.options);
    session.videoId = video.id;
    return renderVideo(video, this.store.now());
  }

  /** The video a completed session made, again (later chunks and status queries get it too). */
  private done(session: Session, res: ServerResponse): void {
    const video = this.store.cloud(session.cloudId)?.videos.get(session.videoId!);
    if (!video) throw new ApiError(404, 'RecordNotFound', `Couldn't find Video with ID=${session.videoId}`);
    sendJson(res, 200, renderVideo(video, this.store.now()), this.rangeHeader(session));
  }

  /** `/upload/session?id=…`: unsigned (spec §9.4.16). */
  async handle(req: IncomingMessage, res: ServerResponse, id: string | null): Promise<void> {
    const session = id === null ? undefined : this.sessions.get(id);
    if (!session) throw notFoundSession(id ?? '');
    const method = req.method ?? 'GET';
    if (method === 'DELETE') {
      req.resume();
      this.sessions.delete(session.id);
      res.writeHead(200, { 'content-length': '0' }).end();
      return;
    }
    if (session.parts) return this.handleParts(req, res, session, session.parts);
    if (method !== 'POST' && method !== 'PUT') throw badRequest('Upload sessions take POST or PUT');
    const type = req.headers['content-type'] ?? '';
    const boundary = boundaryOf(type);
    if (boundary) {
      if (session.videoId !== null) return this.done(session, res);
      const { file } = await readMultipartParams(req, boundary, this.options.maxFileSize);
      if (!file) throw badRequest('All required parameters were not supplied: file');
      session.received = file.size;
      return sendJson(res, 200, this.complete(session, file));
    }
    const range = req.headers['content-range'];
    if (range !== undefined && /^bytes \*\/\d+$/.test(range.trim())) {
      req.resume();
      if (session.videoId !== null) return this.done(session, res);
      res.writeHead(204, this.rangeHeader(session)).end();
      return;
    }
    // data: `application/octet-stream` (spec §6.2, POST and PUT alike)
    if (!/^application\/octet-stream\b/i.test(type)) throw badRequest('Content-Type must be application/octet-stream or multipart/form-data');
    const m = range === undefined ? null : /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range.trim());
    if (range !== undefined && !m) throw badRequest(`Invalid Content-Range: ${range.slice(0, 60)}`);
    if (m && Number(m[3]) !== session.fileSize) throw badRequest(`Content-Range length ${m[3]} is not the session's file_size ${session.fileSize}`);
    if (session.videoId !== null) {
      req.resume();
      return this.done(session, res);
    }
    // without Content-Range the body is the whole file; the range end is never trusted (SDK, spec §6.2)
    let position = m ? Number(m[1]) : 0;
    for await (const chunk of req) {
      this.accept(session, position, chunk as Buffer);
      position += (chunk as Buffer).length;
    }
    if (this.options.maxFileSize !== null && position > this.options.maxFileSize) throw fileTooLarge(this.options.maxFileSize);
    if (session.received >= session.fileSize) {
      const file = { name: session.fileName, size: session.fileSize, sha256: session.hash.digest('hex') };
      return sendJson(res, 200, this.complete(session, file), this.rangeHeader(session));
    }
    res.writeHead(204, this.rangeHeader(session)).end();
  }
}
