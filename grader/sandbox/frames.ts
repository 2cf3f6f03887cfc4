/**
 * Messages between the grading worker and a sandbox process: a 4-byte big-endian length, then that
 * many bytes of UTF-8 JSON. The reader refuses a frame over its size limit before buffering it, so a
 * hostile sandbox cannot make the trusted side allocate more than the limit, and JSON cannot carry
 * anything but data.
 */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

export class FrameError extends Error {}

/** Feeds bytes in, calls `onFrame` with each parsed message; throws FrameError on a bad frame. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private need = -1;

  constructor(private readonly onFrame: (message: unknown) => void, private readonly maxBytes = MAX_FRAME_BYTES) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.need < 0) {
        if (this.buffered < 4) return;
        this.need = this.take(4).readUInt32BE(0);
        if (this.need > this.maxBytes) throw new FrameError(`a message of ${this.need} bytes, over the ${this.maxBytes}-byte limit`);
      }
      if (this.buffered < this.need) return;
      const body = this.take(this.need);
      this.need = -1;
      let message: unknown;
      try { message = JSON.parse(body.toString('utf8')); } catch { throw new FrameError('a message that is not JSON'); }
      this.onFrame(message);
    }
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}
