// The OpenCL driver: the Device interface over JOCL, with its own in-order command queue and kernel
// objects on a device whose context and program are shared (OpenClDevices).
package dev.jetlog.gpu.opencl;

import dev.jetlog.gpu.Device;
import dev.jetlog.gpu.DeviceBuffer;
import dev.jetlog.gpu.DeviceException;
import dev.jetlog.gpu.DeviceMemoryException;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

import java.util.HashMap;
import java.util.Map;

final class OpenClDevice implements Device {
    private record Buffer(cl_mem memory, long bytes) implements DeviceBuffer {
    }

    private final OpenClDevices.Entry entry;
    private final cl_command_queue queue;
    private final Map<String, cl_kernel> kernels = new HashMap<>();
    private boolean closed;

    OpenClDevice(OpenClDevices.Entry entry) {
        this.entry = entry;
        entry.program();
        this.queue = CL.clCreateCommandQueue(entry.context(), entry.device, 0, null);
    }

    @Override
    public String name() {
        return entry.name;
    }

    @Override
    public long totalMemory() {
        return entry.globalMemory;
    }

    @Override
    public int preferredGroups() {
        return Math.max(1, entry.computeUnits) * (entry.isCpu() ? 4 : 16);
    }

    @Override
    public DeviceBuffer allocate(long bytes) {
        long size = Math.max(4, bytes);
        if (size > entry.maxAllocation) {
            throw new DeviceMemoryException(String.format("one buffer of %.1f MiB exceeds the %.1f MiB that %s "
                    + "allocates at once", size / 1048576.0, entry.maxAllocation / 1048576.0, entry.name));
        }
        try {
            return new Buffer(CL.clCreateBuffer(entry.context(), CL.CL_MEM_READ_WRITE, size, null, null), size);
        } catch (CLException e) {
            throw failure("allocate " + size + " bytes", e);
        }
    }

    @Override
    public void free(DeviceBuffer buffer) {
        CL.clReleaseMemObject(((Buffer) buffer).memory());
    }

    @Override
    public void write(DeviceBuffer buffer, long byteOffset, int[] src, int from, int count) {
        try {
            CL.clEnqueueWriteBuffer(queue, mem(buffer), CL.CL_TRUE, byteOffset, (long) count * Sizeof.cl_int,
                    Pointer.to(src).withByteOffset((long) from * Sizeof.cl_int), 0, null, null);
        } catch (CLException e) {
            throw failure("copy to the device", e);
        }
    }

    @Override
    public void read(DeviceBuffer buffer, long byteOffset, int[] dst, int from, int count) {
        try {
            CL.clEnqueueReadBuffer(queue, mem(buffer), CL.CL_TRUE, byteOffset, (long) count * Sizeof.cl_int,
                    Pointer.to(dst).withByteOffset((long) from * Sizeof.cl_int), 0, null, null);
        } catch (CLException e) {
            throw failure("copy from the device", e);
        }
    }

    @Override
    public void read(DeviceBuffer buffer, long byteOffset, long[] dst, int from, int count) {
        try {
            CL.clEnqueueReadBuffer(queue, mem(buffer), CL.CL_TRUE, byteOffset, (long) count * Sizeof.cl_long,
                    Pointer.to(dst).withByteOffset((long) from * Sizeof.cl_long), 0, null, null);
        } catch (CLException e) {
            throw failure("copy from the device", e);
        }
    }

    @Override
    public void copy(DeviceBuffer src, long srcOffset, DeviceBuffer dst, long dstOffset, long bytes) {
        try {
            CL.clEnqueueCopyBuffer(queue, mem(src), mem(dst), srcOffset, dstOffset, bytes, 0, null, null);
        } catch (CLException e) {
            throw failure("copy on the device", e);
        }
    }

    @Override
    public void launch(String kernel, long groups, Object... args) {
        cl_kernel k = kernels.computeIfAbsent(kernel, name -> CL.clCreateKernel(entry.program(), name, null));
        try {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                if (arg instanceof Buffer buffer) {
                    CL.clSetKernelArg(k, i, Sizeof.cl_mem, Pointer.to(buffer.memory()));
                } else if (arg instanceof Integer value) {
                    CL.clSetKernelArg(k, i, Sizeof.cl_int, Pointer.to(new int[] {value}));
                } else if (arg instanceof Long value) {
                    CL.clSetKernelArg(k, i, Sizeof.cl_long, Pointer.to(new long[] {value}));
                } else {
                    throw new IllegalArgumentException("kernel argument " + i + " of " + kernel + ": " + arg);
                }
            }
            CL.clEnqueueNDRangeKernel(queue, k, 1, null, new long[] {groups * BLOCK}, new long[] {BLOCK}, 0, null, null);
        } catch (CLException e) {
            throw failure("run kernel " + kernel, e);
        }
    }

    @Override
    public void synchronize() {
        try {
            CL.clFinish(queue);
        } catch (CLException e) {
            throw failure("finish", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            CL.clFinish(queue);
        } finally {
            kernels.values().forEach(CL::clReleaseKernel);
            kernels.clear();
            CL.clReleaseCommandQueue(queue);
        }
    }

    private static cl_mem mem(DeviceBuffer buffer) {
        return ((Buffer) buffer).memory();
    }

    private RuntimeException failure(String what, CLException e) {
        int status = e.getStatus();
        if (status == CL.CL_MEM_OBJECT_ALLOCATION_FAILURE || status == CL.CL_OUT_OF_RESOURCES
                || status == CL.CL_OUT_OF_HOST_MEMORY || status == CL.CL_INVALID_BUFFER_SIZE) {
            return new DeviceMemoryException("OpenCL could not " + what + " on " + entry.name + ": " + e.getMessage());
        }
        return new DeviceException("OpenCL could not " + what + " on " + entry.name + ": " + e.getMessage(), e);
    }
}
