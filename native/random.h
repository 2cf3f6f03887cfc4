/* native/random.c's functions, added to the addon's exports by blas.c's module init. */
#ifndef TSDL_RANDOM_H
#define TSDL_RANDOM_H
#include <node_api.h>

/* Defines mtFillDoubles (and the other MT19937 bulk draws) on `exports`; napi_ok or the failing status. */
napi_status tsdl_register_random(napi_env env, napi_value exports);

#endif
