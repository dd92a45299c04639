/** The documented preset names (panda spec §4.4) and the defaults a profile made from one gets. */

export type ProfileValue = string | number | boolean | null;

const h264 = { extname: '.mp4', width: 640, height: 480, audio_bitrate: 128, video_bitrate: 1000, aspect_mode: 'letterbox', upscale: true };
const h264Hi = { ...h264, width: 1280, height: 720, video_bitrate: 2400, audio_bitrate: 192 };
const webm = { extname: '.webm', width: 640, height: 480, audio_bitrate: 128, video_bitrate: 1000, aspect_mode: 'letterbox', upscale: true };
const ogg = { ...webm, extname: '.ogv' };
const hls = { extname: '.ts', width: 1280, height: 720, audio_bitrate: 128, video_bitrate: 2000, aspect_mode: 'letterbox', upscale: true };
const audio = { width: null, height: null, video_bitrate: null, audio_bitrate: 128, audio_sample_rate: 44100 };

export const PRESETS: Readonly<Record<string, Readonly<Record<string, ProfileValue>>>> = {
  h264: { title: 'MP4 (H.264)', ...h264 },
  'h264.hi': { title: 'MP4 (H.264) HD', ...h264Hi },
  webm: { title: 'WebM (VP8)', ...webm },
  'webm.hi': { title: 'WebM (VP8) HD', ...webm, width: 1280, height: 720, video_bitrate: 2400 },
  ogg: { title: 'OGG (Theora)', ...ogg },
  'ogg.hi': { title: 'OGG (Theora) HD', ...ogg, width: 1280, height: 720, video_bitrate: 2400 },
  'hls.variant': { title: 'HLS variant', ...hls },
  'hls.variant.audio': { title: 'HLS audio-only variant', ...audio, extname: '.ts' },
  'hls.variant.playlist': { title: 'HLS variants playlist', extname: '.m3u8', width: null, height: null, variants: 'hls.variant*' },
  hss: { title: 'Smooth Streaming', ...hls, extname: '.ismv' },
  mp3: { title: 'MP3 audio', extname: '.mp3', ...audio },
  aac: { title: 'AAC audio', extname: '.m4a', ...audio },
  vorbis: { title: 'Vorbis audio', extname: '.ogg', ...audio },
  thumbnail: { title: 'Thumbnails', extname: '.jpg', width: 320, height: 240, frame_count: 7, aspect_mode: 'preserve' },
};

export const isPreset = (name: string): boolean => Object.prototype.hasOwnProperty.call(PRESETS, name);
