// Registers the OpenCL backend (java.util.ServiceLoader). It runs wherever an OpenCL device answers;
// `auto` takes it only for a GPU, since on a CPU device (PoCL) the cpu backend is the better choice;
// where the machine has no GPU device node at all, auto does not even initialise OpenCL.
package dev.jetlog.gpu.opencl;

import dev.jetlog.gpu.GpuBackend;
import dev.jetlog.gpu.GpuDeviceNodes;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.BackendProvider;

import java.util.List;

public final class OpenClBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public String unavailableReason() {
        return OpenClDevices.discover().problem();
    }

    @Override
    public String autoUnavailableReason() {
        String noGpu = GpuDeviceNodes.here().noGpuReason();
        if (noGpu != null) {
            return noGpu;
        }
        String problem = unavailableReason();
        if (problem != null) {
            return problem;
        }
        List<OpenClDevices.Entry> devices = OpenClDevices.discover().devices();
        return devices.get(0).isGpu() ? null
                : "no OpenCL GPU (" + devices.get(0).describe() + " is not faster than the cpu backend)";
    }

    @Override
    public String deviceDescription() {
        List<OpenClDevices.Entry> devices = OpenClDevices.discover().devices();
        return devices.isEmpty() ? "opencl" : "opencl on " + devices.get(0).describe();
    }

    @Override
    public Backend create(BackendOptions options) {
        List<OpenClDevices.Entry> devices = OpenClDevices.discover().devices();
        if (devices.isEmpty()) {
            throw new IllegalStateException("backend 'opencl' cannot run here: " + unavailableReason());
        }
        int index = options.device() == BackendOptions.ANY_DEVICE ? 0 : options.device();
        if (index >= devices.size()) {
            throw new IllegalArgumentException("there is no OpenCL device " + index + " (" + devices.size()
                    + " found)");
        }
        return new GpuBackend("opencl", new OpenClDevice(devices.get(index)), options);
    }
}
