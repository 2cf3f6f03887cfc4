/* Argument fetching shared by the addon's entry points (blas.c, random.c). */
#ifndef TSDL_NAPI_ARGS_H
#define TSDL_NAPI_ARGS_H
#include <stdio.h>
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

#endif
