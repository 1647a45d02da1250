/**
 * The CUDA driver of the GPU backend (JCuda, driver API): the {@link dev.jetlog.gpu.Device} operations
 * on a device's primary context, with the kernels from the fatbin built by nvcc at package time.
 */
package dev.jetlog.gpu.cuda;
