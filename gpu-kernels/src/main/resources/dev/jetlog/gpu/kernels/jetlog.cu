/* jetlog.cu: every kernel of the GPU backend, as one translation unit for nvcc (a fatbin for JCuda) and,
 * with its includes inlined by the host, one OpenCL program. */
#include "prelude.h"
#include "hash.h"
#include "expr.h"
#include "scan.cu"
#include "radix.cu"
#include "rows.cu"
#include "hisa.cu"
#include "relational.cu"
