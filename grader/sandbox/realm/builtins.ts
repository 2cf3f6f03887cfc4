/**
 * What the course library gets for Node's built-in modules inside the student's V8 context, which
 * has none: the few pure pieces it needs (a util.inspect symbol, one CPU, fixed entropy so that an
 * unseeded generator is the same on every machine), and for everything else an object whose every
 * function says that the module is not available while grading.
 */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

function unavailable(name: string): unknown {
  const thrower = (): never => { throw new Error(`the '${name}' module is not available while grading`); };
  return new Proxy(Object.freeze({}), { get: (_t, key) => (key === '__esModule' ? false : thrower) });
}

const PROVIDED: Record<string, unknown> = {
  util: { inspect: Object.assign(() => '', { custom: INSPECT }) },
  os: { cpus: () => [{}], availableParallelism: () => 1 },
  crypto: {
    randomFillSync<T extends ArrayBufferView>(a: T): T { new Uint8Array(a.buffer, a.byteOffset, a.byteLength).fill(0); return a; },
    randomUUID: (() => { let n = 0; return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`; })(),
  },
};

/** The `require` that the bundled library's own imports of Node built-ins resolve through. */
export function builtinRequire(name: string): unknown {
  const bare = name.startsWith('node:') ? name.slice(5) : name;
  return Object.prototype.hasOwnProperty.call(PROVIDED, bare) ? PROVIDED[bare] : unavailable(bare);
}
