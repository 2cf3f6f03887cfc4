/**
 * Freezes everything reachable from the realm's global object and the given roots: the built-ins
 * (%ArrayIteratorPrototype% and the other hidden intrinsics are reached through the prototypes of
 * values made here), the course library and the runtime. Typed arrays with elements cannot be
 * frozen; they stay writable, which only changes the student's own results in a realm of their own.
 */
export function freezeRealm(roots: unknown[]): void {
  allowOverrides();
  lockGlobalBindings();
  // A realm's global object cannot be frozen (vm's interceptors refuse): its bindings are locked above.
  const seen = new Set<unknown>([globalThis]);
  const stack: unknown[] = [...globalValues(), ...roots, ...hiddenIntrinsics()];
  while (stack.length) {
    const o = stack.pop();
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
    seen.add(o);
    if (ArrayBuffer.isView(o)) { stack.push(Reflect.getPrototypeOf(o)); continue; }
    Object.freeze(o);
    if (Array.isArray(o)) {
      // Big constant tables: only their object elements need a visit.
      for (const v of o) if (v !== null && (typeof v === 'object' || typeof v === 'function')) stack.push(v);
    } else {
      const all = Object.getOwnPropertyDescriptors(o) as Record<PropertyKey, PropertyDescriptor>;
      for (const key of Reflect.ownKeys(all)) {
        const d = all[key as string];
        if ('value' in d) { const v = d.value as unknown; if (v !== null && (typeof v === 'object' || typeof v === 'function')) stack.push(v); } else { stack.push(d.get); stack.push(d.set); }
      }
    }
    stack.push(Reflect.getPrototypeOf(o as object));
  }
}

/**
 * Properties of frozen prototypes that ordinary code assigns on its own objects (`e.name = ...`,
 * `o.toString = ...`): in strict code a frozen data property on the prototype makes that
 * assignment throw. Each becomes an accessor whose setter defines the property on the object
 * assigned to, and refuses only an assignment to the prototype itself.
 */
const OVERRIDABLE: [() => object, string[]][] = [
  [() => Object.prototype, ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty']],
  [() => Error.prototype, ['name', 'message', 'constructor', 'toString']],
  [() => Function.prototype, ['constructor', 'toString', 'name']],
  [() => Array.prototype, ['constructor', 'toString', 'push', 'join']],
  [() => Promise.prototype, ['constructor', 'then']],
];

function allowOverrides(): void {
  for (const [protoOf, keys] of OVERRIDABLE) {
    const proto = protoOf();
    for (const key of keys) {
      const d = Reflect.getOwnPropertyDescriptor(proto, key);
      if (!d || !('value' in d) || !d.configurable) continue;
      const value = d.value as unknown;
      Object.defineProperty(proto, key, {
        get() { return value; },
        set(this: object, v: unknown) {
          if (this === proto) throw new TypeError(`Cannot assign to read only property '${key}' of a built-in prototype`);
          Object.defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
        },
        enumerable: d.enumerable, configurable: false,
      });
    }
  }
}

/** Makes every global binding read-only and non-configurable (`Math = ...` throws in strict code). */
function lockGlobalBindings(): void {
  for (const key of Reflect.ownKeys(globalThis)) {
    const d = Reflect.getOwnPropertyDescriptor(globalThis, key);
    // With the value restated: vm's interceptor would otherwise store an undefined binding.
    if (d && 'value' in d) Object.defineProperty(globalThis, key, { value: d.value, writable: false, configurable: false, enumerable: d.enumerable });
  }
}

function globalValues(): unknown[] {
  return Reflect.ownKeys(globalThis).map((k) => (globalThis as Record<PropertyKey, unknown>)[k]);
}

/** Intrinsics that no global names but that ordinary values lead to. */
function hiddenIntrinsics(): unknown[] {
  /* eslint-disable @typescript-eslint/no-empty-function */
  const gen = function* g(): Generator<number> { yield 1; };
  const agen = async function* ag(): AsyncGenerator<number> { yield 1; };
  return [
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map()[Symbol.iterator]()),
    Object.getPrototypeOf(new Set()[Symbol.iterator]()),
    Object.getPrototypeOf(''[Symbol.iterator]()),
    Object.getPrototypeOf(/a/[Symbol.matchAll]('a')),
    gen, Object.getPrototypeOf(gen), Object.getPrototypeOf(gen()),
    agen, Object.getPrototypeOf(agen), Object.getPrototypeOf(agen()),
    Object.getPrototypeOf(async () => {}),
    Object.getPrototypeOf(Int8Array),
    (function thrower(): unknown { 'use strict'; return Object.getOwnPropertyDescriptor(Function.prototype, 'caller')?.get; })(),
  ];
}
