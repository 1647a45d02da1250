// Tells, without loading any GPU runtime, whether a Linux machine can have a GPU at all: every GPU
// driver there exposes a device node (NVIDIA's /dev/nvidia0, 1, ..., the DRM render nodes of AMD, Intel
// and Mali, ROCm's /dev/kfd, WSL's /dev/dxg). When none exists, `auto` need not initialise OpenCL only to
// find a CPU device (PoCL's runtime costs about 0.15 s and 65 MB of resident memory to start), nor load
// JCuda's native library only to learn that libcuda.so.1 is missing (about 40 ms).
package dev.jetlog.gpu;

import java.io.File;
import java.util.Locale;

public final class GpuDeviceNodes {
    private final File dev;
    private final boolean linux;

    GpuDeviceNodes(File dev, boolean linux) {
        this.dev = dev;
        this.linux = linux;
    }

    /** The nodes of this machine. */
    public static GpuDeviceNodes here() {
        return new GpuDeviceNodes(new File("/dev"),
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
    }

    /** Why no GPU of any kind can be present (a Linux machine without any GPU device node), or null if one may be. */
    public String noGpuReason() {
        if (!checkable()) {
            return null;
        }
        if (hasNvidia() || exists("kfd") || exists("dxg") || has(new File(dev, "dri"), "renderD", "card")) {
            return null;
        }
        return "no OpenCL GPU (this machine has no GPU device node; --backend opencl runs on a CPU device)";
    }

    /** Why no NVIDIA GPU can be present (a Linux machine without /dev/nvidiaN or WSL's /dev/dxg), or null if one may be. */
    public String noNvidiaReason() {
        if (!checkable() || hasNvidia() || exists("dxg")) {
            return null;
        }
        return "no NVIDIA GPU for CUDA (this machine has no /dev/nvidia0 or other NVIDIA device node)";
    }

    private boolean checkable() {
        return linux && dev.isDirectory();
    }

    private boolean hasNvidia() {
        String[] names = dev.list((dir, name) -> name.matches("nvidia[0-9]+"));
        return names != null && names.length > 0;
    }

    private boolean exists(String name) {
        return new File(dev, name).exists();
    }

    private static boolean has(File folder, String... prefixes) {
        String[] names = folder.list((dir, name) -> {
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        });
        return names != null && names.length > 0;
    }
}
