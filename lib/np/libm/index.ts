/**
 * exp, log, pow and tanh bit for bit as numpy sees them on the course's machines: glibc 2.36's
 * x86-64 FMA variants (V8's Math.exp/log/pow differ from them on ~4-9% of inputs, tanh on ~1%).
 * Plain (x: number) => number functions; no allocation per call.
 */
export { exp } from './exp';
export { log } from './log';
export { pow } from './pow';
export { tanh } from './tanh';
