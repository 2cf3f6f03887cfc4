/**
 * A reader for MATLAB MAT-files, version 5 (what MATLAB's `save -v7` and scipy.io.savemat write):
 * the 128-byte header, then data elements, each either miMATRIX or miCOMPRESSED (a zlib stream
 * holding one miMATRIX). Reads real numeric and logical arrays of any rank; MATLAB stores them
 * column-major, and each comes back as scipy.io.loadmat returns it: the same shape, laid out
 * column-major (a transposed view of a row-major buffer, so `.T` is C-contiguous).
 *
 * dtypes follow scipy's default (mat_dtype=False), which keeps the type the values are *stored*
 * as, not their MATLAB class (MATLAB stores a double array of small whole numbers as uint8, and
 * scipy returns uint8): stored single/double become float64, every stored integer type int64
 * (tsdl's integer dtype, where scipy has uint8, int16, ...), logical arrays int64 0/1 (scipy: uint8).
 * Cells, structs, objects, chars, sparse and complex arrays raise an error naming the variable. Version 7.3 files (HDF5 inside)
 * and version 4 files raise an error too. Unlike scipy, no __header__/__version__/__globals__ keys.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { NDArray } from '../np';

export interface LoadMatOptions {
  /** Read only these variables (others are skipped, even if tsdl could not read them). */
  variable_names?: readonly string[];
}

export interface MatHeader { text: string; version: number; littleEndian: boolean }

const MI = { INT8: 1, UINT8: 2, INT16: 3, UINT16: 4, INT32: 5, UINT32: 6, SINGLE: 7, DOUBLE: 9,
  INT64: 12, UINT64: 13, MATRIX: 14, COMPRESSED: 15 } as const;

const CLASS_NAMES: Record<number, string> = { 1: 'cell', 2: 'struct', 3: 'object', 4: 'char', 5: 'sparse',
  6: 'double', 7: 'single', 8: 'int8', 9: 'uint8', 10: 'int16', 11: 'uint16', 12: 'int32', 13: 'uint32',
  14: 'int64', 15: 'uint64', 16: 'function_handle', 17: 'opaque' };
const FLOAT_CLASSES = new Set([6, 7]);
const INT_CLASSES = new Set([8, 9, 10, 11, 12, 13, 14, 15]);
const FLAG_COMPLEX = 0x08;

const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Reads a MAT v5 file into {name: NDArray}. */
export function loadmat(file: string, options: LoadMatOptions = {}): Record<string, NDArray> {
  return parseMat5(fs.readFileSync(file), options, file);
}

/** Checks and decodes the 128-byte header; throws for v7.3, v4 and non-MAT files. */
export function readMatHeader(bytes: Uint8Array, source = 'input'): MatHeader {
  const text = bytes.length >= 116 ? Buffer.from(bytes.subarray(0, 116)).toString('latin1').replace(/[\0 ]+$/, '') : '';
  const isHdf5 = bytes.length >= 520 && HDF5_SIGNATURE.every((b, i) => bytes[512 + i] === b);
  if (isHdf5 || text.startsWith('MATLAB 7.3')) {
    throw new Error(`${source} is a MAT-file version 7.3, which is an HDF5 file; tsdl's MAT reader reads version 5 ` +
      `(MATLAB's save -v7 / -v6, scipy.io.savemat). Read it with loadH5 instead, or re-save it with save(..., '-v7').`);
  }
  const indicator = bytes.length >= 128 ? String.fromCharCode(bytes[126], bytes[127]) : '';
  if (indicator !== 'IM' && indicator !== 'MI') {
    throw new Error(`${source} is not a MAT-file version 5 (no 'MI' endian indicator at byte 126; ` +
      'version 4 MAT-files and other formats are not supported)');
  }
  const littleEndian = indicator === 'IM';
  const version = new DataView(bytes.buffer, bytes.byteOffset + 124, 2).getUint16(0, littleEndian);
  if (version !== 0x0100) throw new Error(`${source}: unsupported MAT-file version 0x${version.toString(16)}`);
  return { text, version, littleEndian };
}

/** Parses the bytes of a MAT v5 file. */
export function parseMat5(bytes: Uint8Array, options: LoadMatOptions = {}, source = 'input'): Record<string, NDArray> {
  const { littleEndian } = readMatHeader(bytes, source);
  const wanted = options.variable_names ? new Set(options.variable_names) : null;
  const out: Record<string, NDArray> = {};
  let pos = 128;
  while (pos + 8 <= bytes.length) {
    const tag = new Reader(bytes, littleEndian, source).tag(pos);
    let element = tag;
    if (tag.type === MI.COMPRESSED) {
      const inflated = zlib.inflateSync(bytes.subarray(tag.start, tag.start + tag.nbytes));
      element = new Reader(inflated, littleEndian, source).tag(0);
    }
    if (element.type === MI.MATRIX && element.nbytes > 0) {
      const variable = element.reader.matrix(element.start, element.nbytes, wanted);
      if (variable) out[variable.name] = variable.value;
    }
    pos = tag.type === MI.COMPRESSED ? tag.start + tag.nbytes : tag.next;
  }
  return out;
}

interface Tag { type: number; nbytes: number; start: number; next: number; reader: Reader }

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array, readonly le: boolean, readonly source: string) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The data element tag at pos, either the 8-byte form or the 4-byte "small data element" form. */
  tag(pos: number): Tag {
    if (pos + 8 > this.bytes.length) throw this.error(`truncated data element at byte ${pos}`);
    const first = this.view.getUint32(pos, this.le);
    if (first >>> 16 !== 0) {
      return { type: first & 0xffff, nbytes: first >>> 16, start: pos + 4, next: pos + 8, reader: this };
    }
    const nbytes = this.view.getUint32(pos + 4, this.le);
    if (pos + 8 + nbytes > this.bytes.length) throw this.error(`data element at byte ${pos} runs past the end of the file`);
    return { type: first, nbytes, start: pos + 8, next: pos + 8 + Math.ceil(nbytes / 8) * 8, reader: this };
  }

  /** One miMATRIX body: flags, dimensions, name, real part. Returns null when not wanted. */
  matrix(start: number, nbytes: number, wanted: Set<string> | null): { name: string; value: NDArray } | null {
    const flagsTag = this.tag(start);
    const flags = this.view.getUint32(flagsTag.start, this.le);
    const cls = flags & 0xff, bits = (flags >>> 8) & 0xff;
    const dimsTag = this.tag(flagsTag.next);
    const dims = Array.from(this.numbers(dimsTag));
    const nameTag = this.tag(dimsTag.next);
    const name = Buffer.from(this.bytes.subarray(nameTag.start, nameTag.start + nameTag.nbytes)).toString('utf8');
    if (wanted && !wanted.has(name)) return null;
    const what = `variable '${name}'`;
    if (!FLOAT_CLASSES.has(cls) && !INT_CLASSES.has(cls)) {
      throw this.error(`${what} is a MATLAB ${CLASS_NAMES[cls] ?? `class ${cls}`} array; ` +
        'tsdl reads real numeric and logical arrays only');
    }
    if (bits & FLAG_COMPLEX) throw this.error(`${what} is complex; tsdl reads real arrays only`);
    const realTag = this.tag(nameTag.next);
    if (realTag.next > start + nbytes) throw this.error(`${what}: data runs past its matrix element`);
    const values = this.numbers(realTag);
    const count = dims.reduce((a, b) => a * b, 1);
    if (values.length !== count) throw this.error(`${what} has ${values.length} values for dimensions ${dims.join('x')}`);
    const dtype = realTag.type === MI.SINGLE || realTag.type === MI.DOUBLE ? 'float64' : 'int64';
    // Column-major data is the row-major layout of the reversed shape; transposing gives the
    // MATLAB shape as a column-major view, as scipy returns it.
    const value = new NDArray(values, dims.slice().reverse(), dtype).transpose();
    return { name, value };
  }

  /** The element's payload as doubles (64-bit integers must be exact in a double). */
  numbers(tag: Tag): Float64Array {
    const size = ({ [MI.INT8]: 1, [MI.UINT8]: 1, [MI.INT16]: 2, [MI.UINT16]: 2, [MI.INT32]: 4, [MI.UINT32]: 4,
      [MI.SINGLE]: 4, [MI.DOUBLE]: 8, [MI.INT64]: 8, [MI.UINT64]: 8 } as Record<number, number>)[tag.type];
    if (!size) throw this.error(`unsupported data type ${tag.type} in a numeric array`);
    const n = Math.floor(tag.nbytes / size), v = this.view, le = this.le, out = new Float64Array(n);
    for (let i = 0, p = tag.start; i < n; i++, p += size) {
      switch (tag.type) {
        case MI.INT8: out[i] = v.getInt8(p); break;
        case MI.UINT8: out[i] = v.getUint8(p); break;
        case MI.INT16: out[i] = v.getInt16(p, le); break;
        case MI.UINT16: out[i] = v.getUint16(p, le); break;
        case MI.INT32: out[i] = v.getInt32(p, le); break;
        case MI.UINT32: out[i] = v.getUint32(p, le); break;
        case MI.SINGLE: out[i] = v.getFloat32(p, le); break;
        case MI.DOUBLE: out[i] = v.getFloat64(p, le); break;
        default: {
          const big = tag.type === MI.INT64 ? v.getBigInt64(p, le) : v.getBigUint64(p, le);
          if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)) {
            throw this.error(`64-bit integer ${big} is outside tsdl's exact integer range`);
          }
          out[i] = Number(big);
        }
      }
    }
    return out;
  }

  private error(message: string): Error { return new Error(`${this.source}: ${message}`); }
}
