// Source maps, just enough to take a line of the JavaScript a cell runs back to its line in the cell:
// decoding the `mappings` of a v3 source map and chaining two maps.

/** Per generated line (0-based), its segments [generated column, source line, source column], by column. */
export type LineMap = [number, number, number][][];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** The numbers of one base64 VLQ segment. */
function decodeSegment(text: string): number[] {
  const out: number[] = [];
  let value = 0, shift = 0;
  for (const c of text) {
    const d = DIGIT.get(c);
    if (d === undefined) throw new Error(`source map: bad character '${c}'`);
    value += (d & 31) << shift;
    if (d & 32) { shift += 5; continue; }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0; shift = 0;
  }
  return out;
}

/** The segments of a v3 source map's `mappings` (single source; names ignored). */
export function decodeMappings(mappings: string): LineMap {
  const lines: LineMap = [];
  let srcLine = 0, srcCol = 0, source = 0;
  for (const line of mappings.split(';')) {
    const segs: [number, number, number][] = [];
    let genCol = 0;
    for (const seg of line.split(',')) {
      if (seg === '') continue;
      const v = decodeSegment(seg);
      genCol += v[0];
      if (v.length < 4) continue;
      source += v[1];
      srcLine += v[2];
      srcCol += v[3];
      if (source === 0) segs.push([genCol, srcLine, srcCol]);
    }
    lines.push(segs);
  }
  return lines;
}

/** Where a generated position comes from: the last segment at or before the column, else the line's first. */
export function lookup(map: LineMap, line: number, column: number): [number, number] | null {
  const segs = map[line];
  if (!segs || segs.length === 0) return null;
  let best = segs[0];
  for (const s of segs) {
    if (s[0] <= column) best = s; else break;
  }
  return [best[1], best[2]];
}

/** outer maps final → intermediate, inner maps intermediate → source: the map final → source. */
export function chain(outer: LineMap, inner: LineMap): LineMap {
  return outer.map((segs) => {
    const out: [number, number, number][] = [];
    for (const [col, l, c] of segs) {
      const hit = lookup(inner, l, c);
      if (hit) out.push([col, hit[0], hit[1]]);
    }
    return out;
  });
}
