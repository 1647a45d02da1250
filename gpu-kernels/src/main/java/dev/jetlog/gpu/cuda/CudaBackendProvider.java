// Registers the CUDA backend (java.util.ServiceLoader). It runs when the jar holds the fatbin that nvcc
// built, the machine has an NVIDIA device node (on Linux), the CUDA driver library loads, and a device
// answers; each missing piece is a one-line reason, found once: JCuda throws UnsatisfiedLinkError on its
// first touch without libcuda.so.1 and NoClassDefFoundError after, so the answer is cached.
package dev.jetlog.gpu.cuda;

import dev.jetlog.gpu.GpuBackend;
import dev.jetlog.gpu.GpuDeviceNodes;
import dev.jetlog.seminaive.spi.Backend;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.BackendProvider;
import jcuda.CudaException;
import jcuda.driver.JCudaDriver;

import java.io.IOException;
import java.io.InputStream;

public final class CudaBackendProvider implements BackendProvider {
    /** Where the build puts the fatbin of jetlog.cu. */
    static final String FATBIN = "/dev/jetlog/gpu/cuda/jetlog.fatbin";

    private record Probe(int devices, String problem) {
    }

    private static Probe probe;

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String unavailableReason() {
        return probe().problem();
    }

    @Override
    public String deviceDescription() {
        return "cuda";
    }

    @Override
    public Backend create(BackendOptions options) {
        Probe found = probe();
        if (found.problem() != null) {
            throw new IllegalStateException("backend 'cuda' cannot run here: " + found.problem());
        }
        int index = options.device() == BackendOptions.ANY_DEVICE ? 0 : options.device();
        if (index >= found.devices()) {
            throw new IllegalArgumentException("there is no CUDA device " + index + " (" + found.devices() + " found)");
        }
        return new GpuBackend("cuda", new CudaDevice(index, fatbin()), options);
    }

    private static synchronized Probe probe() {
        if (probe == null) {
            probe = find();
        }
        return probe;
    }

    private static Probe find() {
        if (CudaBackendProvider.class.getResource(FATBIN) == null) {
            return new Probe(0, "the CUDA kernels were not built (nvcc was not found when this jar was built)");
        }
        String noNvidia = GpuDeviceNodes.here().noNvidiaReason();
        if (noNvidia != null) {
            return new Probe(0, noNvidia);
        }
        try {
            JCudaDriver.setExceptionsEnabled(true);
            JCudaDriver.cuInit(0);
            int[] count = new int[1];
            JCudaDriver.cuDeviceGetCount(count);
            return count[0] == 0 ? new Probe(0, "no CUDA device") : new Probe(count[0], null);
        } catch (LinkageError e) {
            return new Probe(0, "no CUDA driver (libcuda.so.1 could not be loaded)");
        } catch (CudaException e) {
            return new Probe(0, "the CUDA driver found no usable device (" + e.getMessage() + ")");
        }
    }

    private static byte[] fatbin() {
        try (InputStream in = CudaBackendProvider.class.getResourceAsStream(FATBIN)) {
            if (in == null) {
                throw new IllegalStateException("the CUDA kernels were not built");
            }
            byte[] data = in.readAllBytes();
            // the driver reads the image as a C string where it is text (PTX): end it with a zero byte
            return java.util.Arrays.copyOf(data, data.length + 1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CUDA kernels from the jar", e);
        }
    }
}
