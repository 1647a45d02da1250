// The CUDA driver: the Device interface over JCuda's driver API, on the device's primary context, with
// the kernels from the fatbin that nvcc built when the jar was packaged.
package dev.jetlog.gpu.cuda;

import dev.jetlog.gpu.Device;
import dev.jetlog.gpu.DeviceBuffer;
import dev.jetlog.gpu.DeviceException;
import dev.jetlog.gpu.DeviceMemoryException;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

import java.util.HashMap;
import java.util.Map;

final class CudaDevice implements Device {
    private record Buffer(CUdeviceptr pointer, long bytes) implements DeviceBuffer {
    }

    /** A kernel every build of jetlog.cu defines, looked up when the device is opened. */
    private static final String PROBE_KERNEL = "iota_u32";

    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUmodule module = new CUmodule();
    private final Map<String, CUfunction> functions = new HashMap<>();
    private final String name;
    private final long totalMemory;
    private final int multiprocessors;
    private boolean closed;

    CudaDevice(int index, byte[] fatbin) {
        boolean retained = false;
        try {
            JCudaDriver.cuDeviceGet(device, index);
            byte[] text = new byte[256];
            JCudaDriver.cuDeviceGetName(text, text.length, device);
            int length = 0;
            while (length < text.length && text[length] != 0) {
                length++;
            }
            name = new String(text, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
            long[] total = new long[1];
            JCudaDriver.cuDeviceTotalMem(total, device);
            totalMemory = total[0];
            int[] count = new int[1];
            JCudaDriver.cuDeviceGetAttribute(count, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, device);
            multiprocessors = count[0];
            JCudaDriver.cuDevicePrimaryCtxRetain(context, device);
            retained = true;
            JCudaDriver.cuCtxSetCurrent(context);
            // cuModuleLoadData takes a fatbin as well; JCuda's cuModuleLoadFatBinary never hands the loaded
            // module back to its CUmodule (JCuda 12.6.0), which then fails every lookup with INVALID_HANDLE
            JCudaDriver.cuModuleLoadData(module, fatbin);
            // one lookup now, so that a module the driver cannot use fails here, naming the device
            JCudaDriver.cuModuleGetFunction(new CUfunction(), module, PROBE_KERNEL);
        } catch (CudaException e) {
            if (retained) {
                JCudaDriver.cuDevicePrimaryCtxRelease(device);
            }
            throw new DeviceException("CUDA device " + index + " could not be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long totalMemory() {
        return totalMemory;
    }

    @Override
    public int preferredGroups() {
        return Math.max(1, multiprocessors) * 16;
    }

    @Override
    public DeviceBuffer allocate(long bytes) {
        long size = Math.max(4, bytes);
        current();
        CUdeviceptr pointer = new CUdeviceptr();
        try {
            JCudaDriver.cuMemAlloc(pointer, size);
        } catch (CudaException e) {
            throw new DeviceMemoryException("CUDA could not allocate " + size + " bytes on " + name + ": " + e.getMessage());
        }
        return new Buffer(pointer, size);
    }

    @Override
    public void free(DeviceBuffer buffer) {
        current();
        call("free", () -> JCudaDriver.cuMemFree(pointer(buffer)));
    }

    @Override
    public void write(DeviceBuffer buffer, long byteOffset, int[] src, int from, int count) {
        current();
        call("copy to the device", () -> JCudaDriver.cuMemcpyHtoD(pointer(buffer).withByteOffset(byteOffset),
                Pointer.to(src).withByteOffset((long) from * Integer.BYTES), (long) count * Integer.BYTES));
    }

    @Override
    public void read(DeviceBuffer buffer, long byteOffset, int[] dst, int from, int count) {
        current();
        call("copy from the device", () -> JCudaDriver.cuMemcpyDtoH(Pointer.to(dst).withByteOffset((long) from * Integer.BYTES),
                pointer(buffer).withByteOffset(byteOffset), (long) count * Integer.BYTES));
    }

    @Override
    public void read(DeviceBuffer buffer, long byteOffset, long[] dst, int from, int count) {
        current();
        call("copy from the device", () -> JCudaDriver.cuMemcpyDtoH(Pointer.to(dst).withByteOffset((long) from * Long.BYTES),
                pointer(buffer).withByteOffset(byteOffset), (long) count * Long.BYTES));
    }

    @Override
    public void copy(DeviceBuffer src, long srcOffset, DeviceBuffer dst, long dstOffset, long bytes) {
        current();
        call("copy on the device", () -> JCudaDriver.cuMemcpyDtoD(pointer(dst).withByteOffset(dstOffset),
                pointer(src).withByteOffset(srcOffset), bytes));
    }

    @Override
    public void launch(String kernel, long groups, Object... args) {
        current();
        CUfunction function = functions.computeIfAbsent(kernel, k -> {
            CUfunction f = new CUfunction();
            call("find kernel " + k, () -> JCudaDriver.cuModuleGetFunction(f, module, k));
            return f;
        });
        Pointer[] params = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Buffer buffer) {
                params[i] = Pointer.to(buffer.pointer());
            } else if (arg instanceof Integer value) {
                params[i] = Pointer.to(new int[] {value});
            } else if (arg instanceof Long value) {
                params[i] = Pointer.to(new long[] {value});
            } else {
                throw new IllegalArgumentException("kernel argument " + i + " of " + kernel + ": " + arg);
            }
        }
        call("run kernel " + kernel, () -> JCudaDriver.cuLaunchKernel(function, (int) groups, 1, 1, BLOCK, 1, 1, 0, null,
                Pointer.to(params), null));
    }

    @Override
    public void synchronize() {
        current();
        call("synchronize", JCudaDriver::cuCtxSynchronize);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        current();
        try {
            JCudaDriver.cuCtxSynchronize();
            JCudaDriver.cuModuleUnload(module);
        } finally {
            JCudaDriver.cuDevicePrimaryCtxRelease(device);
        }
    }

    /** Makes this device's context the calling thread's (sessions may move between threads). */
    private void current() {
        JCudaDriver.cuCtxSetCurrent(context);
    }

    private static CUdeviceptr pointer(DeviceBuffer buffer) {
        return ((Buffer) buffer).pointer();
    }

    private interface Call {
        int run();
    }

    private void call(String what, Call call) {
        try {
            call.run();
        } catch (CudaException e) {
            String message = "CUDA could not " + what + " on " + name + ": " + e.getMessage();
            if (e.getMessage() != null && e.getMessage().contains("OUT_OF_MEMORY")) {
                throw new DeviceMemoryException(message);
            }
            throw new DeviceException(message, e);
        }
    }
}
