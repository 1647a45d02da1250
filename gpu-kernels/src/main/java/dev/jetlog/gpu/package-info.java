/**
 * The GPU backend, written once for every device API: relations in device memory as HISA row sets and
 * indexes, every Backend SPI operator as kernels (sources in {@code dev/jetlog/gpu/kernels}), and the
 * small {@link dev.jetlog.gpu.Device} interface that the CUDA and OpenCL drivers implement.
 */
package dev.jetlog.gpu;
