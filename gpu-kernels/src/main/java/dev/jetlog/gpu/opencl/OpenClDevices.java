// The OpenCL devices of this machine, found once through JOCL: GPUs first, then accelerators, then CPU
// devices (such as PoCL's). Each device gets one context and one program, built from the kernel source
// on first use and shared by every backend on that device. A missing OpenCL runtime or ICD is an
// answer ("why not"), never an exception.
package dev.jetlog.gpu.opencl;

import dev.jetlog.gpu.DeviceException;
import dev.jetlog.gpu.KernelSource;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

final class OpenClDevices {
    /** One OpenCL device and what is built for it. */
    static final class Entry {
        final cl_platform_id platform;
        final cl_device_id device;
        final String name;
        final String platformName;
        final long type;
        final long globalMemory;
        final long maxAllocation;
        final int computeUnits;
        final boolean correctlyRoundedDivide;
        private cl_context context;
        private cl_program program;

        Entry(cl_platform_id platform, cl_device_id device) {
            this.platform = platform;
            this.device = device;
            this.name = deviceString(device, CL.CL_DEVICE_NAME);
            this.platformName = platformString(platform, CL.CL_PLATFORM_NAME);
            this.type = deviceLong(device, CL.CL_DEVICE_TYPE);
            this.globalMemory = deviceLong(device, CL.CL_DEVICE_GLOBAL_MEM_SIZE);
            this.maxAllocation = deviceLong(device, CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE);
            this.computeUnits = (int) deviceInt(device, CL.CL_DEVICE_MAX_COMPUTE_UNITS);
            this.correctlyRoundedDivide = (deviceLong(device, CL.CL_DEVICE_SINGLE_FP_CONFIG)
                    & CL.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0;
        }

        boolean isGpu() {
            return (type & CL.CL_DEVICE_TYPE_GPU) != 0;
        }

        boolean isCpu() {
            return (type & CL.CL_DEVICE_TYPE_CPU) != 0;
        }

        String describe() {
            return name + " (" + platformName + (isCpu() ? ", a CPU device" : "") + ")";
        }

        /** The context and the built program of this device, made on first call. */
        synchronized cl_context context() {
            if (context == null) {
                cl_context_properties properties = new cl_context_properties();
                properties.addProperty(CL.CL_CONTEXT_PLATFORM, platform);
                context = CL.clCreateContext(properties, 1, new cl_device_id[] {device}, null, null, null);
            }
            return context;
        }

        synchronized cl_program program() {
            if (program == null) {
                cl_program built = CL.clCreateProgramWithSource(context(), 1, new String[] {KernelSource.inlined()},
                        null, null);
                String options = "-cl-std=CL1.2" + (correctlyRoundedDivide ? " -cl-fp32-correctly-rounded-divide-sqrt" : "");
                try {
                    CL.clBuildProgram(built, 1, new cl_device_id[] {device}, options, null, null);
                } catch (CLException e) {
                    throw new DeviceException("the OpenCL kernels do not build on " + name + ": " + e.getMessage()
                            + "\n" + buildLog(built));
                }
                program = built;
            }
            return program;
        }

        private String buildLog(cl_program built) {
            long[] size = new long[1];
            CL.clGetProgramBuildInfo(built, device, CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] log = new byte[(int) size[0]];
            CL.clGetProgramBuildInfo(built, device, CL.CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
            return new String(log, 0, Math.max(0, log.length - 1), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The devices, best first, or why there are none. */
    record Discovery(List<Entry> devices, String problem) {
    }

    private static Discovery discovery;

    private OpenClDevices() {
    }

    static synchronized Discovery discover() {
        if (discovery == null) {
            discovery = find();
        }
        return discovery;
    }

    private static Discovery find() {
        try {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            try {
                CL.clGetPlatformIDs(0, null, count);
            } catch (CLException e) {
                // CL_PLATFORM_NOT_FOUND_KHR: an ICD loader with no driver behind it
                return new Discovery(List.of(), "no OpenCL platform is installed (" + e.getMessage()
                        + "; install a driver such as pocl-opencl-icd)");
            }
            if (count[0] == 0) {
                return new Discovery(List.of(), "no OpenCL platform is installed (install a driver such as pocl-opencl-icd)");
            }
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            CL.clGetPlatformIDs(platforms.length, platforms, null);
            List<Entry> devices = new ArrayList<>();
            for (cl_platform_id platform : platforms) {
                int[] n = new int[1];
                try {
                    CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, 0, null, n);
                } catch (CLException e) {
                    continue; // CL_DEVICE_NOT_FOUND on this platform
                }
                cl_device_id[] ids = new cl_device_id[n[0]];
                CL.clGetDeviceIDs(platform, CL.CL_DEVICE_TYPE_ALL, ids.length, ids, null);
                for (cl_device_id id : ids) {
                    devices.add(new Entry(platform, id));
                }
            }
            devices.sort(Comparator.comparingInt(OpenClDevices::rank));
            return new Discovery(List.copyOf(devices), devices.isEmpty() ? "no OpenCL device was found" : null);
        } catch (LinkageError e) {
            return new Discovery(List.of(), "no OpenCL runtime (libOpenCL.so could not be loaded; on Debian install "
                    + "ocl-icd-opencl-dev and a driver such as pocl-opencl-icd)");
        } catch (CLException e) {
            return new Discovery(List.of(), "OpenCL failed while listing devices: " + e.getMessage());
        }
    }

    private static int rank(Entry entry) {
        return entry.isGpu() ? 0 : entry.isCpu() ? 2 : 1;
    }

    private static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(device, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetDeviceInfo(device, param, bytes.length, Pointer.to(bytes), null);
        return new String(bytes, 0, Math.max(0, bytes.length - 1), java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    private static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(platform, param, 0, null, size);
        byte[] bytes = new byte[(int) size[0]];
        CL.clGetPlatformInfo(platform, param, bytes.length, Pointer.to(bytes), null);
        return new String(bytes, 0, Math.max(0, bytes.length - 1), java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    private static long deviceLong(cl_device_id device, int param) {
        long[] value = new long[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_long, Pointer.to(value), null);
        return value[0];
    }

    private static long deviceInt(cl_device_id device, int param) {
        int[] value = new int[1];
        CL.clGetDeviceInfo(device, param, Sizeof.cl_int, Pointer.to(value), null);
        return value[0];
    }
}
