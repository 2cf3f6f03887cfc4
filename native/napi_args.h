/* Argument fetching and checking shared by the addon's entry points (blas.c, random.c, ufunc.c). */
#ifndef TSDL_NAPI_ARGS_H
#define TSDL_NAPI_ARGS_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <node_api.h>

/* The call's arguments into a[0..n-1]; 0 (with a TypeError "<lib>: <fn> takes n arguments") unless there are exactly n. */
static inline int tsdl_get_args(napi_env env, napi_callback_info info, size_t n, napi_value *a, const char *lib, const char *fn) {
  size_t argc = n;
  char msg[128];
  if (napi_get_cb_info(env, info, &argc, a, NULL, NULL) != napi_ok) {
    snprintf(msg, sizeof msg, "%s: N-API call failed: napi_get_cb_info", lib);
    napi_throw_error(env, NULL, msg);
    return 0;
  }
  if (argc != n) {
    snprintf(msg, sizeof msg, "%s: %s takes %zu arguments", lib, fn, n);
    napi_throw_type_error(env, NULL, msg);
    return 0;
  }
  return 1;
}

/*
 * A typed array of type `want` (named `type_name` in the message): its data and length in elements;
 * 0 (with a TypeError "<lib>: <what> must be a(n) <type_name>") for anything else.
 */
static inline int tsdl_get_typed(napi_env env, napi_value v, napi_typedarray_type want, const char *type_name,
                                 void **data, int64_t *len, const char *lib, const char *what) {
  bool is_ta = false;
  napi_typedarray_type type;
  size_t length;
  void *ptr;
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta ||
      napi_get_typedarray_info(env, v, &type, &length, &ptr, NULL, NULL) != napi_ok || type != want) {
    char msg[160];
    const char *article = strchr("AEIOU", type_name[0]) ? "an" : "a";
    snprintf(msg, sizeof msg, "%s: %s must be %s %s", lib, what, article, type_name);
    napi_throw_type_error(env, NULL, msg);
    return 0;
  }
  *data = ptr;
  *len = (int64_t)length;
  return 1;
}

/*
 * An integral JS number in [lo, hi] into *out; 0 (with a RangeError "<lib>: <what><suffix> must be an
 * integer in [lo, hi]") otherwise. The message is formatted only on failure: these run several times
 * per call.
 */
static inline int tsdl_get_int2(napi_env env, napi_value v, int64_t lo, int64_t hi, int64_t *out, const char *lib,
                                const char *what, const char *suffix) {
  double d;
  /* napi_get_value_double refuses anything but a number, so no napi_typeof first. */
  if (napi_get_value_double(env, v, &d) != napi_ok || !(d >= (double)lo && d <= (double)hi) || d != (double)(int64_t)d) {
    char msg[200];
    snprintf(msg, sizeof msg, "%s: %s%s must be an integer in [%lld, %lld]", lib, what, suffix, (long long)lo, (long long)hi);
    napi_throw_range_error(env, NULL, msg);
    return 0;
  }
  *out = (int64_t)d;
  return 1;
}

static inline int tsdl_get_int(napi_env env, napi_value v, int64_t lo, int64_t hi, int64_t *out, const char *lib,
                               const char *what) {
  return tsdl_get_int2(env, v, lo, hi, out, lib, what, "");
}

/* Throws a RangeError "<lib>: <msg>"; returns NULL for the caller to return. */
static inline napi_value tsdl_throw_range(napi_env env, const char *lib, const char *msg) {
  char full[200];
  snprintf(full, sizeof full, "%s: %s", lib, msg);
  napi_throw_range_error(env, NULL, full);
  return NULL;
}

/* Whether two byte ranges share no byte (an empty range overlaps nothing). */
static inline int tsdl_disjoint(const void *a, size_t abytes, const void *b, size_t bbytes) {
  uintptr_t pa = (uintptr_t)a, pb = (uintptr_t)b;
  return abytes == 0 || bbytes == 0 || pa + abytes <= pb || pb + bbytes <= pa;
}

#endif
