/*
 * tsdl's optional native addon: the CBLAS calls numpy's float64 dot makes (ddot, dgemv, dgemm,
 * dsyrk), on Float64Array operands, against the system's BLAS (OpenBLAS on Debian, the library
 * numpy itself links), and element-wise exp/log from the C library numpy's float64 loops call.
 * Which call a product makes is decided in TypeScript (lib/np/blas_dot.ts); here every operand's
 * addressed span is checked against its array before BLAS or the loops see a pointer.
 *
 * MT19937's bulk draws live in random.c, element-wise arithmetic loops in ufunc.c, numpy.linalg's
 * LAPACK routines in lapack.c; all are registered from init() below.
 *
 * Built at install time by scripts/build-native.js; when it cannot be built or loaded, products use
 * the WebAssembly / pure TypeScript kernels instead.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <cblas.h>
#include <node_api.h>
#include "napi_args.h"
#include "parts.h"

/* OpenBLAS extensions; weak so that another CBLAS still links. */
extern void openblas_set_num_threads(int) __attribute__((weak));
extern int openblas_get_num_threads(void) __attribute__((weak));
extern char *openblas_get_corename(void) __attribute__((weak));
extern char *openblas_get_config(void) __attribute__((weak));

#define CHECK(call)                                                              \
  do {                                                                           \
    if ((call) != napi_ok) {                                                     \
      napi_throw_error(env, NULL, "tsdl native blas: N-API call failed: " #call); \
      return NULL;                                                               \
    }                                                                            \
  } while (0)

static napi_value fail(napi_env env, const char *msg) {
  napi_throw_error(env, NULL, msg);
  return NULL;
}

static int get_int2(napi_env env, napi_value v, int64_t lo, int64_t hi, int64_t *out, const char *what, const char *suffix) {
  return tsdl_get_int2(env, v, lo, hi, out, "tsdl native blas", what, suffix);
}

static int get_int(napi_env env, napi_value v, int64_t lo, int64_t hi, int64_t *out, const char *what) {
  return tsdl_get_int2(env, v, lo, hi, out, "tsdl native blas", what, "");
}

/* A Float64Array's data pointer and length; 0 (with an exception) for anything else. */
static int get_f64(napi_env env, napi_value v, double **data, int64_t *len, const char *what) {
  return tsdl_get_typed(env, v, napi_float64_array, "Float64Array", (void **)data, len, "tsdl native blas", what);
}

/*
 * A strided operand: `lines` lines of `width` elements, line starts `ld` apart, from `off`. Every
 * addressed element must lie inside the array (a count of 0 addresses nothing).
 */
static int span_ok(napi_env env, int64_t len, int64_t off, int64_t lines, int64_t width, int64_t ld, const char *what) {
  if (lines == 0 || width == 0) return 1;
  int64_t last = off + (lines - 1) * ld + (width - 1);
  if (off < 0 || last >= len || (lines > 1 && ld < width)) {
    char msg[160];
    snprintf(msg, sizeof msg, "tsdl native blas: %s addresses elements outside its array", what);
    napi_throw_range_error(env, NULL, msg);
    return 0;
  }
  return 1;
}

#define MAX_DIM 2147483647LL

static int get_args(napi_env env, napi_callback_info info, size_t n, napi_value *a, const char *fn) {
  return tsdl_get_args(env, info, n, a, "tsdl native blas", fn);
}

/* An operand given as three arguments (Float64Array, offset, leading dimension or increment ≥ 1). */
typedef struct { double *data; int64_t len, off, ld; } operand;

static int get_operand(napi_env env, napi_value *args, operand *o, const char *name) {
  return get_f64(env, args[0], &o->data, &o->len, name) &&
    get_int2(env, args[1], 0, MAX_DIM, &o->off, name, " offset") &&
    get_int2(env, args[2], 1, MAX_DIM, &o->ld, name, " stride");
}

/* span_ok for an operand: `lines` lines of `width` elements, o->ld apart. */
static int fits(napi_env env, const operand *o, int64_t lines, int64_t width, const char *name) {
  return span_ok(env, o->len, o->off, lines, width, o->ld, name);
}

/* ddot(n, x, xoff, incx, y, yoff, incy) -> number */
static napi_value js_ddot(napi_env env, napi_callback_info info) {
  napi_value a[7];
  if (!get_args(env, info, 7, a, "ddot")) return NULL;
  int64_t n;
  operand x, y;
  if (!get_int(env, a[0], 0, MAX_DIM, &n, "n") || !get_operand(env, a + 1, &x, "x") || !get_operand(env, a + 4, &y, "y") ||
      !fits(env, &x, n, 1, "x") || !fits(env, &y, n, 1, "y"))
    return NULL;
  double r = n == 0 ? 0.0 : cblas_ddot((int)n, x.data + x.off, (int)x.ld, y.data + y.off, (int)y.ld);
  napi_value out;
  CHECK(napi_create_double(env, r, &out));
  return out;
}

static int get_order(napi_env env, napi_value v, int64_t *o) {
  if (!get_int(env, v, CblasRowMajor, CblasColMajor, o, "order")) return 0;
  return 1;
}

static int get_trans(napi_env env, napi_value v, int64_t *t, const char *what) {
  return get_int(env, v, CblasNoTrans, CblasTrans, t, what);
}

/*
 * The stored layout of an r×c operand (as BLAS reads it, after `trans`) in `order`: how many lines
 * of which width sit `ld` apart.
 */
static void stored(int64_t order, int64_t trans, int64_t r, int64_t c, int64_t *lines, int64_t *width) {
  int64_t sr = trans == CblasTrans ? c : r, sc = trans == CblasTrans ? r : c; /* stored rows/cols */
  if (order == CblasRowMajor) { *lines = sr; *width = sc; }
  else { *lines = sc; *width = sr; }
}

/* dgemv(order, trans, m, n, A, aoff, lda, x, xoff, incx, y, yoff): y = op(A)·x, y contiguous. */
static napi_value js_dgemv(napi_env env, napi_callback_info info) {
  napi_value a[12];
  if (!get_args(env, info, 12, a, "dgemv")) return NULL;
  int64_t order, trans, m, n, yo, yl;
  operand A, x;
  double *y;
  if (!get_order(env, a[0], &order) || !get_trans(env, a[1], &trans, "trans") ||
      !get_int(env, a[2], 0, MAX_DIM, &m, "m") || !get_int(env, a[3], 0, MAX_DIM, &n, "n") ||
      !get_operand(env, a + 4, &A, "A") || !get_operand(env, a + 7, &x, "x") ||
      !get_f64(env, a[10], &y, &yl, "y") || !get_int(env, a[11], 0, MAX_DIM, &yo, "y offset"))
    return NULL;
  /* A is stored m×n in `order`; op(A)·x has length m (NoTrans) or n (Trans). */
  int64_t lines, width;
  stored(order, CblasNoTrans, m, n, &lines, &width);
  int64_t xn = trans == CblasNoTrans ? n : m, yn = trans == CblasNoTrans ? m : n;
  if (!fits(env, &A, lines, width, "A") || !fits(env, &x, xn, 1, "x") ||
      !span_ok(env, yl, yo, yn, 1, 1, "y"))
    return NULL;
  if (m > 0 && n > 0)
    cblas_dgemv((enum CBLAS_ORDER)order, (enum CBLAS_TRANSPOSE)trans, (int)m, (int)n, 1.0, A.data + A.off, (int)A.ld,
                x.data + x.off, (int)x.ld, 0.0, y + yo, 1);
  return NULL;
}

/* dgemm(order, transA, transB, m, n, k, A, aoff, lda, B, boff, ldb, C, coff, ldc): C = op(A)·op(B). */
static napi_value js_dgemm(napi_env env, napi_callback_info info) {
  napi_value a[15];
  if (!get_args(env, info, 15, a, "dgemm")) return NULL;
  int64_t order, ta, tb, m, n, k;
  operand A, B, C;
  if (!get_order(env, a[0], &order) || !get_trans(env, a[1], &ta, "transA") || !get_trans(env, a[2], &tb, "transB") ||
      !get_int(env, a[3], 0, MAX_DIM, &m, "m") || !get_int(env, a[4], 0, MAX_DIM, &n, "n") ||
      !get_int(env, a[5], 0, MAX_DIM, &k, "k") ||
      !get_operand(env, a + 6, &A, "A") || !get_operand(env, a + 9, &B, "B") || !get_operand(env, a + 12, &C, "C"))
    return NULL;
  int64_t la, wa, lb, wb, lc, wc;
  stored(order, ta, m, k, &la, &wa);
  stored(order, tb, k, n, &lb, &wb);
  stored(order, CblasNoTrans, m, n, &lc, &wc);
  if (!fits(env, &A, la, wa, "A") || !fits(env, &B, lb, wb, "B") || !fits(env, &C, lc, wc, "C"))
    return NULL;
  if (m > 0 && n > 0 && k > 0)
    cblas_dgemm((enum CBLAS_ORDER)order, (enum CBLAS_TRANSPOSE)ta, (enum CBLAS_TRANSPOSE)tb, (int)m, (int)n, (int)k,
                1.0, A.data + A.off, (int)A.ld, B.data + B.off, (int)B.ld, 0.0, C.data + C.off, (int)C.ld);
  return NULL;
}

/* dsyrk(order, uplo, trans, n, k, A, aoff, lda, C, coff, ldc): one triangle of C = op(A)·op(A)ᵀ. */
static napi_value js_dsyrk(napi_env env, napi_callback_info info) {
  napi_value a[11];
  if (!get_args(env, info, 11, a, "dsyrk")) return NULL;
  int64_t order, uplo, trans, n, k;
  operand A, C;
  if (!get_order(env, a[0], &order) || !get_int(env, a[1], CblasUpper, CblasLower, &uplo, "uplo") ||
      !get_trans(env, a[2], &trans, "trans") ||
      !get_int(env, a[3], 0, MAX_DIM, &n, "n") || !get_int(env, a[4], 0, MAX_DIM, &k, "k") ||
      !get_operand(env, a + 5, &A, "A") || !get_operand(env, a + 8, &C, "C"))
    return NULL;
  int64_t la, wa, lc, wc;
  stored(order, trans, n, k, &la, &wa);
  stored(order, CblasNoTrans, n, n, &lc, &wc);
  if (!fits(env, &A, la, wa, "A") || !fits(env, &C, lc, wc, "C")) return NULL;
  if (n > 0 && k > 0)
    cblas_dsyrk((enum CBLAS_ORDER)order, (enum CBLAS_UPLO)uplo, (enum CBLAS_TRANSPOSE)trans, (int)n, (int)k, 1.0,
                A.data + A.off, (int)A.ld, 0.0, C.data + C.off, (int)C.ld);
  return NULL;
}

/*
 * map(op, x, xoff, n, out, ooff): out[i] = f(x[i]) for i < n, f = exp (op 0) or log (op 1) of the C
 * library: the functions numpy's float64 exp/log loops call where it has no SIMD version of its own.
 */
static napi_value js_map(napi_env env, napi_callback_info info) {
  napi_value a[6];
  if (!get_args(env, info, 6, a, "map")) return NULL;
  int64_t op, xo, n, oo, xl, ol;
  double *x, *o;
  if (!get_int(env, a[0], 0, 1, &op, "op") || !get_f64(env, a[1], &x, &xl, "x") ||
      !get_int(env, a[2], 0, MAX_DIM, &xo, "x offset") || !get_int(env, a[3], 0, MAX_DIM, &n, "n") ||
      !get_f64(env, a[4], &o, &ol, "out") || !get_int(env, a[5], 0, MAX_DIM, &oo, "out offset") ||
      !span_ok(env, xl, xo, n, 1, 1, "x") || !span_ok(env, ol, oo, n, 1, 1, "out"))
    return NULL;
  const double *src = x + xo;
  double *dst = o + oo;
  if (op == 0) for (int64_t i = 0; i < n; i++) dst[i] = exp(src[i]);
  else for (int64_t i = 0; i < n; i++) dst[i] = log(src[i]);
  return NULL;
}

static napi_value js_set_threads(napi_env env, napi_callback_info info) {
  napi_value a[1];
  int64_t t;
  if (!get_args(env, info, 1, a, "setThreads") || !get_int(env, a[0], 1, 1024, &t, "threads")) return NULL;
  if (!openblas_set_num_threads) return fail(env, "tsdl native blas: this BLAS cannot set its thread count");
  openblas_set_num_threads((int)t);
  return NULL;
}

/* {library, corename, config, threads}: what the products run on, for benches and bug reports. */
static napi_value js_info(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value out, v;
  CHECK(napi_create_object(env, &out));
  const char *lib = openblas_get_corename ? "OpenBLAS" : "CBLAS";
  CHECK(napi_create_string_utf8(env, lib, NAPI_AUTO_LENGTH, &v));
  CHECK(napi_set_named_property(env, out, "library", v));
  const char *core = openblas_get_corename ? openblas_get_corename() : "";
  CHECK(napi_create_string_utf8(env, core ? core : "", NAPI_AUTO_LENGTH, &v));
  CHECK(napi_set_named_property(env, out, "corename", v));
  const char *cfg = openblas_get_config ? openblas_get_config() : "";
  CHECK(napi_create_string_utf8(env, cfg ? cfg : "", NAPI_AUTO_LENGTH, &v));
  CHECK(napi_set_named_property(env, out, "config", v));
  CHECK(napi_create_int32(env, openblas_get_num_threads ? openblas_get_num_threads() : 1, &v));
  CHECK(napi_set_named_property(env, out, "threads", v));
  return out;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    {"ddot", NULL, js_ddot, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dgemv", NULL, js_dgemv, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dgemm", NULL, js_dgemm, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dsyrk", NULL, js_dsyrk, NULL, NULL, NULL, napi_enumerable, NULL},
    {"map", NULL, js_map, NULL, NULL, NULL, napi_enumerable, NULL},
    {"setThreads", NULL, js_set_threads, NULL, NULL, NULL, napi_enumerable, NULL},
    {"info", NULL, js_info, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  CHECK(napi_define_properties(env, exports, sizeof props / sizeof props[0], props));
  CHECK(tsdl_register_random(env, exports));
  CHECK(tsdl_register_ufunc(env, exports));
  CHECK(tsdl_register_lapack(env, exports));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
