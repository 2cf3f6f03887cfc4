/*
 * The LAPACK routines numpy.linalg calls (through numpy's umath_linalg), on column-major Float64Array
 * matrices, from the same OpenBLAS numpy links: dgetrf (det, slogdet), dgesv (solve, inv), dsyevd
 * (eigh), dgesdd (svd), dpotrf (cholesky), dgeqrf and dorgqr (qr), dgelsd (lstsq). Each returns LAPACK's info; sizes are checked before LAPACK sees a pointer.
 * Registered from blas.c's module init (parts.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <node_api.h>
#include "napi_args.h"
#include "parts.h"

extern void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
extern void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb,
                   int *info);
extern void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
                    double *work, const int *lwork, int *iwork, const int *liwork, int *info);
extern void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s, double *u,
                    const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork, int *iwork, int *info);

extern void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
extern void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work, const int *lwork,
                    int *info);
extern void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda, const double *tau, double *work,
                    const int *lwork, int *info);

extern void dgelsd_(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b, const int *ldb,
                    double *s, const double *rcond, int *rank, double *work, const int *lwork, int *iwork, int *info);

#define LAPACK_LIB "tsdl native lapack"
#define LAPACK_MAX 46340 /* n * n stays within an int */

static int lp_dim(napi_env env, napi_value v, int *out, const char *what) {
  int64_t x;
  if (!tsdl_get_int(env, v, 0, LAPACK_MAX, &x, LAPACK_LIB, what)) return 0;
  *out = (int)x;
  return 1;
}

/* A Float64Array (or Int32Array) holding at least `need` elements. */
static int lp_array(napi_env env, napi_value v, napi_typedarray_type type, const char *type_name, void **data,
                    int64_t need, const char *what) {
  int64_t len;
  if (!tsdl_get_typed(env, v, type, type_name, data, &len, LAPACK_LIB, what)) return 0;
  if (len < need) {
    char msg[120];
    snprintf(msg, sizeof msg, "%s is shorter than the matrix needs", what);
    tsdl_throw_range(env, LAPACK_LIB, msg);
    return 0;
  }
  return 1;
}

static napi_value lp_info(napi_env env, int info) {
  napi_value out;
  if (napi_create_int32(env, info, &out) != napi_ok) return NULL;
  return out;
}

static napi_value lp_no_memory(napi_env env) {
  napi_throw_error(env, NULL, LAPACK_LIB ": out of memory for LAPACK's workspace");
  return NULL;
}

/* dgetrf(n, a, ipiv) -> info: a = P·L·U in place, ipiv 1-based. */
static napi_value js_dgetrf(napi_env env, napi_callback_info cb) {
  napi_value a[3];
  int n;
  double *A;
  int32_t *ipiv;
  if (!tsdl_get_args(env, cb, 3, a, LAPACK_LIB, "dgetrf") || !lp_dim(env, a[0], &n, "n") ||
      !lp_array(env, a[1], napi_float64_array, "Float64Array", (void **)&A, (int64_t)n * n, "a") ||
      !lp_array(env, a[2], napi_int32_array, "Int32Array", (void **)&ipiv, n, "ipiv"))
    return NULL;
  int info = 0, lda = n > 0 ? n : 1;
  if (n > 0) dgetrf_(&n, &n, A, &lda, ipiv, &info);
  return lp_info(env, info);
}

/* dgesv(n, nrhs, a, ipiv, b) -> info: b = a⁻¹·b, a factored in place. */
static napi_value js_dgesv(napi_env env, napi_callback_info cb) {
  napi_value a[5];
  int n, nrhs;
  double *A, *B;
  int32_t *ipiv;
  if (!tsdl_get_args(env, cb, 5, a, LAPACK_LIB, "dgesv") || !lp_dim(env, a[0], &n, "n") ||
      !lp_dim(env, a[1], &nrhs, "nrhs") ||
      !lp_array(env, a[2], napi_float64_array, "Float64Array", (void **)&A, (int64_t)n * n, "a") ||
      !lp_array(env, a[3], napi_int32_array, "Int32Array", (void **)&ipiv, n, "ipiv") ||
      !lp_array(env, a[4], napi_float64_array, "Float64Array", (void **)&B, (int64_t)n * nrhs, "b"))
    return NULL;
  int info = 0, ld = n > 0 ? n : 1;
  if (n > 0 && nrhs > 0) dgesv_(&n, &nrhs, A, &ld, ipiv, B, &ld, &info);
  return lp_info(env, info);
}

/* dsyevd(n, a, w, upper) -> info: eigenvalues ascending into w, eigenvectors into a's columns. */
static napi_value js_dsyevd(napi_env env, napi_callback_info cb) {
  napi_value a[4];
  int n;
  int64_t upper;
  double *A, *W;
  if (!tsdl_get_args(env, cb, 4, a, LAPACK_LIB, "dsyevd") || !lp_dim(env, a[0], &n, "n") ||
      !lp_array(env, a[1], napi_float64_array, "Float64Array", (void **)&A, (int64_t)n * n, "a") ||
      !lp_array(env, a[2], napi_float64_array, "Float64Array", (void **)&W, n, "w") ||
      !tsdl_get_int(env, a[3], 0, 1, &upper, LAPACK_LIB, "upper"))
    return NULL;
  if (n == 0) return lp_info(env, 0);
  const char jobz = 'V', uplo = upper ? 'U' : 'L';
  int lda = n, info = 0, lwork = -1, liwork = -1, iq;
  double wq;
  dsyevd_(&jobz, &uplo, &n, A, &lda, W, &wq, &lwork, &iq, &liwork, &info);
  if (info != 0) return lp_info(env, info);
  lwork = (int)wq; liwork = iq;
  double *work = malloc(sizeof(double) * (size_t)lwork);
  int *iwork = malloc(sizeof(int) * (size_t)liwork);
  if (!work || !iwork) { free(work); free(iwork); return lp_no_memory(env); }
  dsyevd_(&jobz, &uplo, &n, A, &lda, W, work, &lwork, iwork, &liwork, &info);
  free(work); free(iwork);
  return lp_info(env, info);
}

/* dgesdd(m, n, a, s, u, vt, job) -> info; job 0 'N' (s only), 1 'S' (thin u, vt), 2 'A' (square u, vt). */
static napi_value js_dgesdd(napi_env env, napi_callback_info cb) {
  napi_value a[7];
  int m, n;
  int64_t job;
  double *A, *S, *U, *VT;
  if (!tsdl_get_args(env, cb, 7, a, LAPACK_LIB, "dgesdd") || !lp_dim(env, a[0], &m, "m") || !lp_dim(env, a[1], &n, "n") ||
      !tsdl_get_int(env, a[6], 0, 2, &job, LAPACK_LIB, "job"))
    return NULL;
  int k = m < n ? m : n;
  int ucols = job == 2 ? m : k, vtrows = job == 2 ? n : k;
  if (!lp_array(env, a[2], napi_float64_array, "Float64Array", (void **)&A, (int64_t)m * n, "a") ||
      !lp_array(env, a[3], napi_float64_array, "Float64Array", (void **)&S, k, "s") ||
      !lp_array(env, a[4], napi_float64_array, "Float64Array", (void **)&U, job ? (int64_t)m * ucols : 0, "u") ||
      !lp_array(env, a[5], napi_float64_array, "Float64Array", (void **)&VT, job ? (int64_t)vtrows * n : 0, "vt"))
    return NULL;
  if (m == 0 || n == 0) return lp_info(env, 0);
  const char jobz = job == 0 ? 'N' : job == 1 ? 'S' : 'A';
  int lda = m, ldu = m, ldvt = job ? vtrows : 1, info = 0, lwork = -1;
  if (ldvt < 1) ldvt = 1;
  double wq;
  int *iwork = malloc(sizeof(int) * 8 * (size_t)k);
  if (!iwork) return lp_no_memory(env);
  dgesdd_(&jobz, &m, &n, A, &lda, S, U, &ldu, VT, &ldvt, &wq, &lwork, iwork, &info);
  if (info != 0) { free(iwork); return lp_info(env, info); }
  lwork = (int)wq;
  double *work = malloc(sizeof(double) * (size_t)(lwork > 0 ? lwork : 1));
  if (!work) { free(iwork); return lp_no_memory(env); }
  dgesdd_(&jobz, &m, &n, A, &lda, S, U, &ldu, VT, &ldvt, work, &lwork, iwork, &info);
  free(work); free(iwork);
  return lp_info(env, info);
}

/* dpotrf(n, a) -> info: the lower Cholesky factor in a's lower triangle (the upper one is left as it was). */
static napi_value js_dpotrf(napi_env env, napi_callback_info cb) {
  napi_value a[2];
  int n;
  double *A;
  if (!tsdl_get_args(env, cb, 2, a, LAPACK_LIB, "dpotrf") || !lp_dim(env, a[0], &n, "n") ||
      !lp_array(env, a[1], napi_float64_array, "Float64Array", (void **)&A, (int64_t)n * n, "a"))
    return NULL;
  int info = 0, lda = n > 0 ? n : 1;
  const char uplo = 'L';
  if (n > 0) dpotrf_(&uplo, &n, A, &lda, &info);
  return lp_info(env, info);
}

/* dgeqrf(m, n, a, tau) -> info: R in a's upper triangle, the reflectors below it and in tau. */
static napi_value js_dgeqrf(napi_env env, napi_callback_info cb) {
  napi_value a[4];
  int m, n;
  double *A, *tau;
  if (!tsdl_get_args(env, cb, 4, a, LAPACK_LIB, "dgeqrf") || !lp_dim(env, a[0], &m, "m") || !lp_dim(env, a[1], &n, "n"))
    return NULL;
  int k = m < n ? m : n;
  if (!lp_array(env, a[2], napi_float64_array, "Float64Array", (void **)&A, (int64_t)m * n, "a") ||
      !lp_array(env, a[3], napi_float64_array, "Float64Array", (void **)&tau, k, "tau"))
    return NULL;
  if (m == 0 || n == 0) return lp_info(env, 0);
  int lda = m, info = 0, lwork = -1;
  double wq;
  dgeqrf_(&m, &n, A, &lda, tau, &wq, &lwork, &info);
  if (info != 0) return lp_info(env, info);
  lwork = (int)wq;
  double *work = malloc(sizeof(double) * (size_t)(lwork > 0 ? lwork : 1));
  if (!work) return lp_no_memory(env);
  dgeqrf_(&m, &n, A, &lda, tau, work, &lwork, &info);
  free(work);
  return lp_info(env, info);
}

/* dorgqr(m, n, k, a, tau) -> info: the m × n Q of k reflectors, in place of them. */
static napi_value js_dorgqr(napi_env env, napi_callback_info cb) {
  napi_value a[5];
  int m, n, k;
  double *A, *tau;
  if (!tsdl_get_args(env, cb, 5, a, LAPACK_LIB, "dorgqr") || !lp_dim(env, a[0], &m, "m") || !lp_dim(env, a[1], &n, "n") ||
      !lp_dim(env, a[2], &k, "k") ||
      !lp_array(env, a[3], napi_float64_array, "Float64Array", (void **)&A, (int64_t)m * n, "a") ||
      !lp_array(env, a[4], napi_float64_array, "Float64Array", (void **)&tau, k, "tau"))
    return NULL;
  if (n > m || k > n) {
    tsdl_throw_range(env, LAPACK_LIB, "dorgqr needs m >= n >= k");
    return NULL;
  }
  if (m == 0 || n == 0) return lp_info(env, 0);
  int lda = m, info = 0, lwork = -1;
  double wq;
  dorgqr_(&m, &n, &k, A, &lda, tau, &wq, &lwork, &info);
  if (info != 0) return lp_info(env, info);
  lwork = (int)wq;
  double *work = malloc(sizeof(double) * (size_t)(lwork > 0 ? lwork : 1));
  if (!work) return lp_no_memory(env);
  dorgqr_(&m, &n, &k, A, &lda, tau, work, &lwork, &info);
  free(work);
  return lp_info(env, info);
}

/*
 * dgelsd(m, n, nrhs, a, b, s, rcond, rank) -> info: the least-squares solution in b's first n rows
 * (b is max(m, n) × nrhs), singular values into s, the effective rank into rank[0].
 */
static napi_value js_dgelsd(napi_env env, napi_callback_info cb) {
  napi_value a[8];
  int m, n, nrhs;
  double *A, *B, *S, rcond;
  int32_t *rank;
  if (!tsdl_get_args(env, cb, 8, a, LAPACK_LIB, "dgelsd") || !lp_dim(env, a[0], &m, "m") || !lp_dim(env, a[1], &n, "n") ||
      !lp_dim(env, a[2], &nrhs, "nrhs"))
    return NULL;
  int k = m < n ? m : n, ldb = m > n ? m : n;
  if (ldb < 1) ldb = 1;
  if (!lp_array(env, a[3], napi_float64_array, "Float64Array", (void **)&A, (int64_t)m * n, "a") ||
      !lp_array(env, a[4], napi_float64_array, "Float64Array", (void **)&B, (int64_t)ldb * nrhs, "b") ||
      !lp_array(env, a[5], napi_float64_array, "Float64Array", (void **)&S, k, "s") ||
      napi_get_value_double(env, a[6], &rcond) != napi_ok ||
      !lp_array(env, a[7], napi_int32_array, "Int32Array", (void **)&rank, 1, "rank"))
    return NULL;
  rank[0] = 0;
  if (m == 0 || n == 0 || nrhs == 0) return lp_info(env, 0);
  int lda = m, info = 0, lwork = -1, iq = 0, r = 0;
  double wq;
  dgelsd_(&m, &n, &nrhs, A, &lda, B, &ldb, S, &rcond, &r, &wq, &lwork, &iq, &info);
  if (info != 0) return lp_info(env, info);
  lwork = (int)wq;
  double *work = malloc(sizeof(double) * (size_t)(lwork > 0 ? lwork : 1));
  int *iwork = malloc(sizeof(int) * (size_t)(iq > 0 ? iq : 1));
  if (!work || !iwork) { free(work); free(iwork); return lp_no_memory(env); }
  dgelsd_(&m, &n, &nrhs, A, &lda, B, &ldb, S, &rcond, &r, work, &lwork, iwork, &info);
  free(work); free(iwork);
  rank[0] = r;
  return lp_info(env, info);
}

napi_status tsdl_register_lapack(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    {"dgetrf", NULL, js_dgetrf, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dgesv", NULL, js_dgesv, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dsyevd", NULL, js_dsyevd, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dgesdd", NULL, js_dgesdd, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dpotrf", NULL, js_dpotrf, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dgeqrf", NULL, js_dgeqrf, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dorgqr", NULL, js_dorgqr, NULL, NULL, NULL, napi_enumerable, NULL},
    {"dgelsd", NULL, js_dgelsd, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  return napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
}
