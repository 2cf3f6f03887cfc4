/*
 * Bulk draws from numpy's legacy RandomState (MT19937) for lib/np/random/mt19937.ts. The state
 * stays in JavaScript (the class's Int32Array key and its pos); these functions twist and temper it
 * in place exactly as the TypeScript loops do, so either path gives the same bits and leaves the
 * same state. Every span is checked against its array before anything is written.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include "napi_args.h"
#include "parts.h"

/* The gaussian's x1*x1 + x2*x2 must round twice, as in TypeScript (GCC does not fuse in -std=c11). */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU
#define MAX_LEN 9007199254740991LL /* 2**53 - 1: any integer a JS number holds exactly */

static void twist(uint32_t *key) {
  int i = 0;
  uint32_t y;
  for (; i < MT_N - MT_M; i++) {
    y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
    key[i] = key[i + MT_M] ^ (y >> 1) ^ (-(y & 1) & MATRIX_A);
  }
  for (; i < MT_N - 1; i++) {
    y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
    key[i] = key[i + (MT_M - MT_N)] ^ (y >> 1) ^ (-(y & 1) & MATRIX_A);
  }
  y = (key[MT_N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
  key[MT_N - 1] = key[MT_M - 1] ^ (y >> 1) ^ (-(y & 1) & MATRIX_A);
}

static inline uint32_t temper(uint32_t y) {
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  return y ^ (y >> 18);
}

/* (a >> 5) * 2**26 + (b >> 6) is an exact integer below 2**53, so the scaling by 2**-53 is exact too. */
static inline double pair_double(uint32_t a, uint32_t b) {
  /* Through int32: SSE2 converts those to double in vector registers, uint32 it cannot. */
  return ((double)(int32_t)(a >> 5) * 67108864.0 + (double)(int32_t)(b >> 6)) * (1.0 / 9007199254740992.0);
}

/* GCC's -O2 cost model leaves fill_doubles' inner loop scalar; vectorized it runs about twice as fast. */
#if defined(__GNUC__) && !defined(__clang__)
#define VECTORIZE __attribute__((optimize("O3")))
#else
#define VECTORIZE
#endif

typedef struct { uint32_t *key; int pos; } mt_state;

static inline uint32_t next32(mt_state *s) {
  if (s->pos >= MT_N) { twist(s->key); s->pos = 0; }
  return temper(s->key[s->pos++]);
}

static inline double next_double(mt_state *s) {
  uint32_t a = next32(s);
  return pair_double(a, next32(s));
}

VECTORIZE static void fill_doubles(mt_state *s, double *out, int64_t n) {
  uint32_t *key = s->key;
  int pos = s->pos;
  int64_t i = 0;
  while (i < n) {
    if (pos >= MT_N) { twist(key); pos = 0; }
    /* The pairs that lie in the current block, then the one pair that straddles a twist, if any. */
    int64_t pairs = (MT_N - pos) >> 1;
    if (pairs > n - i) pairs = n - i;
    const uint32_t *k = key + pos;
    double *o = out + i;
    for (int64_t j = 0; j < pairs; j++) o[j] = pair_double(temper(k[2 * j]), temper(k[2 * j + 1]));
    i += pairs;
    pos += (int)(2 * pairs);
    if (i < n && pos == MT_N - 1) {
      uint32_t a = temper(key[pos]);
      twist(key);
      pos = 0;
      out[i++] = pair_double(a, temper(key[pos++]));
    }
  }
  s->pos = pos;
}

/* legacy_gauss: Marsaglia's polar method with glibc's log, the second value of a pair cached. */
static void fill_gauss(mt_state *s, double *cache, double *out, int64_t n) {
  int64_t i = 0;
  if (n > 0 && cache[0] != 0) {
    out[i++] = cache[1];
    cache[0] = 0;
    cache[1] = 0;
  }
  while (i < n) {
    double x1, x2, r2;
    do {
      x1 = 2.0 * next_double(s) - 1.0;
      x2 = 2.0 * next_double(s) - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    out[i++] = f * x2;
    if (i < n) out[i++] = f * x1;
    else { cache[0] = 1; cache[1] = f * x1; }
  }
}

/* ---- argument checks ----------------------------------------------------------------------- */

static napi_value throw_range(napi_env env, const char *msg) {
  return tsdl_throw_range(env, "tsdl native random", msg);
}

static int get_args(napi_env env, napi_callback_info info, size_t n, napi_value *a, const char *fn) {
  return tsdl_get_args(env, info, n, a, "tsdl native random", fn);
}

static int get_int(napi_env env, napi_value v, int64_t lo, int64_t hi, int64_t *out, const char *what) {
  return tsdl_get_int(env, v, lo, hi, out, "tsdl native random", what);
}

static int get_typed(napi_env env, napi_value v, napi_typedarray_type want, const char *type_name, void **data,
                     int64_t *len, const char *what) {
  return tsdl_get_typed(env, v, want, type_name, data, len, "tsdl native random", what);
}

/* key (Int32Array of 624), pos in [0, 624], out (Float64Array), start, n with out[start, start+n) inside it. */
static int get_state_and_out(napi_env env, napi_value *a, mt_state *s, double **out, int64_t *n) {
  void *key, *o;
  int64_t klen, olen, pos, start;
  if (!get_typed(env, a[0], napi_int32_array, "Int32Array", &key, &klen, "key")) return 0;
  if (klen != MT_N) {
    char msg[96];
    snprintf(msg, sizeof msg, "key must have %d elements, got %lld", MT_N, (long long)klen);
    throw_range(env, msg);
    return 0;
  }
  if (!get_int(env, a[1], 0, MT_N, &pos, "pos") ||
      !get_typed(env, a[2], napi_float64_array, "Float64Array", &o, &olen, "out") ||
      !get_int(env, a[3], 0, MAX_LEN, &start, "start") || !get_int(env, a[4], 0, MAX_LEN, n, "n"))
    return 0;
  if (start + *n > olen) {
    char msg[160];
    snprintf(msg, sizeof msg, "out[%lld, %lld) lies outside the array (length %lld)", (long long)start,
             (long long)(start + *n), (long long)olen);
    throw_range(env, msg);
    return 0;
  }
  *out = (double *)o + start;
  if (!tsdl_disjoint(key, MT_N * 4, *out, (size_t)*n * 8)) {
    throw_range(env, "out overlaps key");
    return 0;
  }
  s->key = (uint32_t *)key;
  s->pos = (int)pos;
  return 1;
}

static napi_value return_pos(napi_env env, const mt_state *s) {
  napi_value r;
  if (napi_create_int32(env, s->pos, &r) != napi_ok) {
    napi_throw_error(env, NULL, "tsdl native random: N-API call failed: napi_create_int32");
    return NULL;
  }
  return r;
}

/* mtFillDoubles(key, pos, out, start, n) -> pos: out[start + i] = the i-th next 53-bit double. */
static napi_value js_fill_doubles(napi_env env, napi_callback_info info) {
  napi_value a[5];
  mt_state s;
  double *out;
  int64_t n;
  if (!get_args(env, info, 5, a, "mtFillDoubles") || !get_state_and_out(env, a, &s, &out, &n)) return NULL;
  fill_doubles(&s, out, n);
  return return_pos(env, &s);
}

/*
 * mtFillGauss(key, pos, out, start, n, cache) -> pos: n legacy gaussians; cache is a Float64Array
 * [has_gauss, gauss], read and updated.
 */
static napi_value js_fill_gauss(napi_env env, napi_callback_info info) {
  napi_value a[6];
  mt_state s;
  double *out;
  void *cache;
  int64_t n, clen;
  if (!get_args(env, info, 6, a, "mtFillGauss") || !get_state_and_out(env, a, &s, &out, &n) ||
      !get_typed(env, a[5], napi_float64_array, "Float64Array", &cache, &clen, "cache"))
    return NULL;
  if (clen != 2) return throw_range(env, "cache must have 2 elements (has_gauss, gauss)");
  if (!tsdl_disjoint(cache, 16, out, (size_t)n * 8) || !tsdl_disjoint(cache, 16, s.key, MT_N * 4))
    return throw_range(env, "cache overlaps key or out");
  fill_gauss(&s, (double *)cache, out, n);
  return return_pos(env, &s);
}

napi_status tsdl_register_random(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    {"mtFillDoubles", NULL, js_fill_doubles, NULL, NULL, NULL, napi_enumerable, NULL},
    {"mtFillGauss", NULL, js_fill_gauss, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  return napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
}
