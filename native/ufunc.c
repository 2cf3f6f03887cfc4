/*
 * Element-wise loops for lib/np/ufuncs.ts: the same arithmetic as its generated TypeScript loops
 * (IEEE add, subtract, multiply, divide and comparisons round the same everywhere, so both paths
 * give the same bits), vectorized by the compiler. Over 1-d and 2-d operands with any strides, a
 * stride of 0 standing for a broadcast axis; the result is written in C order from out[0].
 */
#include <math.h>
#include <stdint.h>
#include "napi_args.h"

#define LIB "tsdl native ufunc"
#define MAX_INDEX 9007199254740991LL /* 2**53 - 1 */

/* Vectorized at -O3; on x86-64 also built for AVX2 (4 doubles a step), picked at load time when the CPU
   has it. Each element is still one IEEE operation (no FMA), so every build gives the same bits. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__)
#define VECTORIZE __attribute__((optimize("O3"), target_clones("avx2", "default")))
#elif defined(__GNUC__) && !defined(__clang__)
#define VECTORIZE __attribute__((optimize("O3")))
#else
#define VECTORIZE
#endif

/* Operation codes, in the order of BINARY_OPS in lib/np/native_ufunc.ts. */
enum { ADD, SUB, MUL, DIV, MAX, MIN, GT, GE, LT, LE, EQ, NE, AND, OR, XOR, RELU_GRAD, RELU_BACK, N_BINARY };
enum { SQUARE, NEGATIVE, ABS, SQRT, N_UNARY };

/* One operation over `rows` rows of `cols`: the four stride patterns get their own loops so that the
   common ones (both contiguous, one side a single value per row) vectorize. */
#define ROWS_LOOP(EXPR)                                                                            \
  for (int64_t r = 0; r < rows; r++, ao += ars, bo += brs, out += cols) {                          \
    const double *pa = a + ao, *pb = b + bo;                                                       \
    if (acs == 1 && bcs == 1) {                                                                    \
      for (int64_t j = 0; j < cols; j++) { const double x = pa[j], y = pb[j]; out[j] = (EXPR); }   \
    } else if (acs == 1 && bcs == 0) {                                                             \
      const double y = pb[0];                                                                      \
      for (int64_t j = 0; j < cols; j++) { const double x = pa[j]; out[j] = (EXPR); }              \
    } else if (acs == 0 && bcs == 1) {                                                             \
      const double x = pa[0];                                                                      \
      for (int64_t j = 0; j < cols; j++) { const double y = pb[j]; out[j] = (EXPR); }             \
    } else {                                                                                       \
      for (int64_t j = 0; j < cols; j++) { const double x = pa[j * acs], y = pb[j * bcs]; out[j] = (EXPR); } \
    }                                                                                              \
  }                                                                                                \
  break;

VECTORIZE static void binary_rows(int op, double *out, const double *a, int64_t ao, int64_t ars, int64_t acs,
                                  const double *b, int64_t bo, int64_t brs, int64_t bcs, int64_t rows, int64_t cols) {
  switch (op) {
    case ADD: ROWS_LOOP(x + y)
    case SUB: ROWS_LOOP(x - y)
    case MUL: ROWS_LOOP(x * y)
    case DIV: ROWS_LOOP(x / y)
    /* numpy's maximum and minimum propagate a NaN from either side. */
    case MAX: ROWS_LOOP((x > y || x != x) ? x : y)
    case MIN: ROWS_LOOP((x < y || x != x) ? x : y)
    case GT: ROWS_LOOP((double)(x > y))
    case GE: ROWS_LOOP((double)(x >= y))
    case LT: ROWS_LOOP((double)(x < y))
    case LE: ROWS_LOOP((double)(x <= y))
    case EQ: ROWS_LOOP((double)(x == y))
    case NE: ROWS_LOOP((double)(x != y))
    case AND: ROWS_LOOP((double)(x != 0 && y != 0))
    case OR: ROWS_LOOP((double)(x != 0 || y != 0))
    case XOR: ROWS_LOOP((double)((x != 0) != (y != 0)))
    /* The course's relu gradients (lib/course/common/fused.ts): dA * (Z > 0), and dA with 0 where Z <= 0. */
    case RELU_GRAD: ROWS_LOOP(x * (double)(y > 0))
    case RELU_BACK: ROWS_LOOP(y <= 0 ? 0 : x)
  }
}

#define MAP_LOOP(EXPR)                                                      \
  for (int64_t i = 0; i < n; i++) { const double x = a[i]; out[i] = (EXPR); } \
  break;

VECTORIZE static void unary_map(int op, double *out, const double *a, int64_t n) {
  switch (op) {
    case SQUARE: MAP_LOOP(x * x)
    case NEGATIVE: MAP_LOOP(-x)
    case ABS: MAP_LOOP(fabs(x))
    case SQRT: MAP_LOOP(sqrt(x))
  }
}

/* numpy's float summation order (lib/np/pairwise.ts): pairwise below 8192 elements, blocks of up to 128
   summed with eight accumulators, longer runs split in halves at a multiple of 8. Scalar code: the
   order of the additions is the result, so nothing here may be reassociated or vectorized. */
static double pairwise_sum(const double *a, int64_t n) {
  if (n < 8) {
    double res = 0;
    for (int64_t i = 0; i < n; i++) res += a[i];
    return res;
  }
  if (n <= 128) {
    double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
    const int64_t whole = n - (n % 8);
    int64_t i = 8;
    for (; i < whole; i += 8) {
      r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
      r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
    }
    double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += a[i];
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise_sum(a, n2) + pairwise_sum(a + n2, n - n2);
}

/* A run added to 0 the way a numpy reduction's inner loop does: in chunks of numpy's 8192-element buffer. */
static double run_sum(const double *a, int64_t n) {
  double acc = 0;
  for (int64_t done = 0; done < n; done += 8192) acc += pairwise_sum(a + done, n - done < 8192 ? n - done : 8192);
  return acc;
}

static napi_value fail(napi_env env, const char *msg) { return tsdl_throw_range(env, LIB, msg); }

static int get_f64(napi_env env, napi_value v, double **data, int64_t *len, const char *what) {
  return tsdl_get_typed(env, v, napi_float64_array, "Float64Array", (void **)data, len, LIB, what);
}

/* The lowest and highest element index an operand's loop reads: offset plus each axis's extreme step. */
static void span(int64_t off, int64_t rs, int64_t cs, int64_t rows, int64_t cols, int64_t *lo, int64_t *hi) {
  int64_t r = (rows - 1) * rs, c = (cols - 1) * cs;
  *lo = off + (r < 0 ? r : 0) + (c < 0 ? c : 0);
  *hi = off + (r > 0 ? r : 0) + (c > 0 ? c : 0);
}

/* Whether two runs of doubles share no element. */
static int disjoint(const double *p, int64_t plen, const double *q, int64_t qlen) {
  return tsdl_disjoint(p, (size_t)plen * 8, q, (size_t)qlen * 8);
}

/* Whether an operand's elements are exactly out's, in out's order (an in-place operation). */
static int same_place(const double *out, const double *x, int64_t off, int64_t rs, int64_t cs, int64_t rows, int64_t cols) {
  return out == x + off && cs == 1 && (rows == 1 || rs == cols);
}

/*
 * binary(op, out, a, b, p): p is a Float64Array [ao, ars, acs, bo, brs, bcs, rows, cols];
 * out[r*cols + j] = op(a[ao + r*ars + j*acs], b[bo + r*brs + j*bcs]). Every index is checked against
 * its array before anything is written. out may not overlap a or b, except by being exactly a's (or b's)
 * elements in the same order: each element is then read before it is overwritten.
 */
static napi_value js_binary(napi_env env, napi_callback_info info) {
  napi_value v[5];
  int64_t op, olen, alen, blen, plen;
  double *out, *a, *b, *p;
  if (!tsdl_get_args(env, info, 5, v, LIB, "binary") || !tsdl_get_int(env, v[0], 0, N_BINARY - 1, &op, LIB, "op") ||
      !get_f64(env, v[1], &out, &olen, "out") || !get_f64(env, v[2], &a, &alen, "a") ||
      !get_f64(env, v[3], &b, &blen, "b") || !get_f64(env, v[4], &p, &plen, "p"))
    return NULL;
  if (plen != 8) return fail(env, "p must hold 8 numbers (ao, ars, acs, bo, brs, bcs, rows, cols)");
  int64_t q[8];
  for (int i = 0; i < 8; i++) {
    double d = p[i];
    if (!(d >= -MAX_INDEX && d <= MAX_INDEX) || d != (double)(int64_t)d) return fail(env, "p must hold integers");
    q[i] = (int64_t)d;
  }
  const int64_t rows = q[6], cols = q[7];
  if (rows < 0 || cols < 0) return fail(env, "rows and cols must not be negative");
  if (rows == 0 || cols == 0) return NULL;
  if (rows > MAX_INDEX / cols || rows * cols > olen) return fail(env, "out is shorter than rows * cols");
  int64_t lo, hi;
  span(q[0], q[1], q[2], rows, cols, &lo, &hi);
  if (lo < 0 || hi >= alen) return fail(env, "a's offset and strides reach outside a");
  span(q[3], q[4], q[5], rows, cols, &lo, &hi);
  if (lo < 0 || hi >= blen) return fail(env, "b's offset and strides reach outside b");
  if ((!same_place(out, a, q[0], q[1], q[2], rows, cols) && !disjoint(out, rows * cols, a, alen)) ||
      (!same_place(out, b, q[3], q[4], q[5], rows, cols) && !disjoint(out, rows * cols, b, blen)))
    return fail(env, "out overlaps a or b");
  binary_rows((int)op, out, a, q[0], q[1], q[2], b, q[3], q[4], q[5], rows, cols);
  return NULL;
}

/* unary(op, out, a, ao, n): out[i] = op(a[ao + i]) for i < n. */
static napi_value js_unary(napi_env env, napi_callback_info info) {
  napi_value v[5];
  int64_t op, olen, alen, ao, n;
  double *out, *a;
  if (!tsdl_get_args(env, info, 5, v, LIB, "unary") || !tsdl_get_int(env, v[0], 0, N_UNARY - 1, &op, LIB, "op") ||
      !get_f64(env, v[1], &out, &olen, "out") || !get_f64(env, v[2], &a, &alen, "a") ||
      !tsdl_get_int(env, v[3], 0, MAX_INDEX, &ao, LIB, "a offset") || !tsdl_get_int(env, v[4], 0, MAX_INDEX, &n, LIB, "n"))
    return NULL;
  if (n > olen) return fail(env, "out is shorter than n");
  if (ao > alen || n > alen - ao) return fail(env, "a offset + n reaches outside a");
  if (!disjoint(out, n, a + ao, n)) return fail(env, "out overlaps a");
  unary_map((int)op, out, a + ao, n);
  return NULL;
}

/* sumRows(out, a, ao, run, rows): out[r] = the sum of a[ao + r*run .. ao + (r+1)*run) in numpy's order. */
static napi_value js_sum_rows(napi_env env, napi_callback_info info) {
  napi_value v[5];
  int64_t olen, alen, ao, run, rows;
  double *out, *a;
  if (!tsdl_get_args(env, info, 5, v, LIB, "sumRows") || !get_f64(env, v[0], &out, &olen, "out") ||
      !get_f64(env, v[1], &a, &alen, "a") || !tsdl_get_int(env, v[2], 0, MAX_INDEX, &ao, LIB, "a offset") ||
      !tsdl_get_int(env, v[3], 0, MAX_INDEX, &run, LIB, "run") || !tsdl_get_int(env, v[4], 0, MAX_INDEX, &rows, LIB, "rows"))
    return NULL;
  if (rows > olen) return fail(env, "out is shorter than rows");
  if (rows > 0 && run > 0 && (run > (MAX_INDEX - ao) / rows || ao + run * rows > alen))
    return fail(env, "a offset + run * rows reaches outside a");
  if (!disjoint(out, rows, a + ao, run * rows)) return fail(env, "out overlaps a");
  for (int64_t r = 0; r < rows; r++) out[r] = run_sum(a + ao + r * run, run);
  return NULL;
}

napi_status tsdl_register_ufunc(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    {"sumRows", NULL, js_sum_rows, NULL, NULL, NULL, napi_enumerable, NULL},
    {"ufuncBinary", NULL, js_binary, NULL, NULL, NULL, napi_enumerable, NULL},
    {"ufuncUnary", NULL, js_unary, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  return napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
}
