/* The addon's parts besides blas.c, each adding its functions to the exports in blas.c's module init. */
#ifndef TSDL_PARTS_H
#define TSDL_PARTS_H
#include <node_api.h>

/* random.c: mtFillDoubles and the other MT19937 bulk draws. napi_ok or the failing status. */
napi_status tsdl_register_random(napi_env env, napi_value exports);
/* ufunc.c: ufuncBinary and ufuncUnary, the element-wise loops. */
napi_status tsdl_register_ufunc(napi_env env, napi_value exports);
/* lapack.c: dgetrf, dgesv, dsyevd, dgesdd, dpotrf, dgeqrf, dorgqr, dgelsd (numpy.linalg's LAPACK calls). */
napi_status tsdl_register_lapack(napi_env env, napi_value exports);

#endif
