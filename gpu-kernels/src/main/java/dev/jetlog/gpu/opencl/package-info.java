/**
 * The OpenCL driver of the GPU backend (JOCL): device discovery, one shared context and program per
 * device, and the {@link dev.jetlog.gpu.Device} operations on a command queue per backend.
 */
package dev.jetlog.gpu.opencl;
