/** numpy's global print options: set_printoptions, get_printoptions, printoptions. */
import { ValueError, checkOptionKeys } from '../errors';

export type FloatMode = 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal';
export type SignMode = '-' | '+' | ' ';

export interface PrintOptions {
  precision: number;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  suppress: boolean;
  nanstr: string;
  infstr: string;
  sign: SignMode;
  floatmode: FloatMode;
  /** '1.21' only changes structured dtypes, so it prints like false here; '1.13' is not supported. */
  legacy: false | '1.21';
}

const DEFAULTS: Readonly<PrintOptions> = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: 'nan',
  infstr: 'inf',
  sign: '-',
  floatmode: 'maxprec',
  legacy: false,
});

const FLOAT_MODES: readonly string[] = ['fixed', 'unique', 'maxprec', 'maxprec_equal'];

let current: PrintOptions = { ...DEFAULTS };

/** Checks options as numpy's set_printoptions does; undefined (and null) entries mean "unchanged". */
export function checkPrintOptions(opts: Partial<PrintOptions>): Partial<PrintOptions> {
  checkOptionKeys('set_printoptions', opts, Object.keys(DEFAULTS));
  const out: Partial<PrintOptions> = {};
  for (const [k, v] of Object.entries(opts)) {
    if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
  }
  if (out.floatmode !== undefined && !FLOAT_MODES.includes(out.floatmode)) {
    throw new ValueError('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"');
  }
  if (out.sign !== undefined && !['-', '+', ' '].includes(out.sign)) {
    throw new ValueError("sign option must be one of ' ', '+', or '-'");
  }
  if (out.threshold !== undefined) {
    if (typeof out.threshold !== 'number') throw new TypeError('threshold must be numeric');
    if (Number.isNaN(out.threshold)) {
      throw new ValueError('threshold must be non-NAN, try Infinity for untruncated representation');
    }
  }
  if (out.precision !== undefined && !Number.isInteger(out.precision)) {
    throw new TypeError('precision must be an integer');
  }
  for (const k of ['edgeitems', 'linewidth'] as const) {
    if (out[k] !== undefined && !Number.isInteger(out[k])) throw new TypeError(`${k} must be an integer`);
  }
  if (out.suppress !== undefined) out.suppress = Boolean(out.suppress);
  const legacy = (opts as { legacy?: unknown }).legacy;
  if (legacy !== undefined && legacy !== false && legacy !== '1.21') {
    throw new ValueError(`legacy=${JSON.stringify(legacy)} printing is not supported (use false or '1.21')`);
  }
  return out;
}

export function set_printoptions(opts: Partial<PrintOptions> = {}): void {
  current = { ...current, ...checkPrintOptions(opts ?? {}) };
}

export function get_printoptions(): PrintOptions {
  return { ...current };
}

/**
 * Runs fn with the options changed and restores the previous ones afterwards, like numpy's
 * `with np.printoptions(...)`. fn receives the options in force; a returned promise restores
 * when it settles.
 */
export function printoptions<T>(opts: Partial<PrintOptions>, fn: (o: PrintOptions) => T): T {
  if (typeof fn !== 'function') throw new TypeError('printoptions(options, fn) runs fn with the options in force; fn must be a function');
  const saved = current;
  set_printoptions(opts);
  const restore = () => { current = saved; };
  let out: T;
  try {
    out = fn(get_printoptions());
  } catch (e) {
    restore();
    throw e;
  }
  if (out instanceof Promise) return out.finally(restore) as unknown as T;
  restore();
  return out;
}
