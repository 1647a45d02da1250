/* prelude.h: JetLog's kernel dialect, one text for CUDA C++ (nvcc) and OpenCL C 1.2 (clBuildProgram).
 * OpenCL is detected through __OPENCL_VERSION__. Rules every kernel file follows:
 *  - pointers to device memory are written GLOBAL T* (helpers too); pointers to work-group memory LPTR T*;
 *  - only u32/i32/u64/i64 and pointers in kernel signatures (no size_t, no long long);
 *  - kernels are KERNEL name(...) (KERNEL includes the void); helpers are DEVFN; work-group arrays are declared SHARED at
 *    kernel scope with a fixed size; no templates, references, overloading, VLAs or printf; no names that
 *    OpenCL C reserves (half, vector type names, image/sampler words);
 *  - work-groups always have JL_BLOCK work-items; kernels check their bounds themselves, since the
 *    host rounds global sizes up to whole groups;
 *  - float arithmetic is IEEE single precision, correctly rounded, never contracted into FMA, so that
 *    results match the JVM bit for bit. */
#ifndef JETLOG_PRELUDE_H
#define JETLOG_PRELUDE_H

#define JL_BLOCK 256

#if defined(__OPENCL_VERSION__)
  #define JL_OPENCL 1
  #pragma OPENCL FP_CONTRACT OFF
  #ifdef cl_khr_fp64
    #pragma OPENCL EXTENSION cl_khr_fp64 : enable
  #endif
  typedef uint  u32;
  typedef int   i32;
  typedef ulong u64;
  typedef long  i64;
  #define KERNEL            __kernel __attribute__((reqd_work_group_size(JL_BLOCK, 1, 1))) void
  #define GLOBAL            __global
  #define SHARED            __local
  #define LPTR              __local
  #define DEVFN             static inline
  #define U64C(x)           (x##UL)
  #define LOCAL_ID()        ((u32)get_local_id(0))
  #define GROUP_ID()        ((u32)get_group_id(0))
  #define GROUP_COUNT()     ((u32)get_num_groups(0))
  #define GLOBAL_ID()       ((u64)get_global_id(0))
  #define GLOBAL_SIZE()     ((u64)get_global_size(0))
  #define BARRIER()         barrier(CLK_LOCAL_MEM_FENCE)
  #define ATOMIC_CAS_I32(p, cmp, v) atomic_cmpxchg((volatile GLOBAL int*)(p), (int)(cmp), (int)(v))
  #define ATOMIC_ADD_LOCAL_U32(p, v) atomic_add((volatile LPTR uint*)(p), (uint)(v))
  #define AS_FLOAT(bits)    as_float(bits)
  #define AS_INT(value)     as_int(value)
  #define FMOD(a, b)        fmod((a), (b))
#else
  #define JL_CUDA 1
  typedef unsigned int       u32;
  typedef int                i32;
  typedef unsigned long long u64;
  typedef long long          i64;
  #define KERNEL            extern "C" __global__ void __launch_bounds__(JL_BLOCK)
  #define GLOBAL
  #define SHARED            __shared__
  #define LPTR
  #define DEVFN             static __device__ __forceinline__
  #define U64C(x)           (x##ULL)
  #define LOCAL_ID()        ((u32)threadIdx.x)
  #define GROUP_ID()        ((u32)blockIdx.x)
  #define GROUP_COUNT()     ((u32)gridDim.x)
  #define GLOBAL_ID()       ((u64)blockIdx.x * blockDim.x + threadIdx.x)
  #define GLOBAL_SIZE()     ((u64)gridDim.x * blockDim.x)
  #define BARRIER()         __syncthreads()
  #define ATOMIC_CAS_I32(p, cmp, v) atomicCAS((int*)(p), (int)(cmp), (int)(v))
  #define ATOMIC_ADD_LOCAL_U32(p, v) atomicAdd((unsigned int*)(p), (unsigned int)(v))
  #define AS_FLOAT(bits)    __int_as_float(bits)
  #define AS_INT(value)     __float_as_int(value)
  #define FMOD(a, b)        fmodf((a), (b))
#endif

/* grid-stride loop over [0, n) */
#define FOR_EACH(i, n) for (u64 i = GLOBAL_ID(); i < (u64)(n); i += GLOBAL_SIZE())

#endif
