// Tells, without loading any OpenCL runtime, whether a Linux machine can have a GPU at all: every GPU
// driver there exposes a device node (NVIDIA's /dev/nvidia0, the DRM render nodes of AMD, Intel and
// Mali, ROCm's /dev/kfd, WSL's /dev/dxg). When none exists, `auto` need not initialise OpenCL only to
// find a CPU device (PoCL's runtime costs about 0.15 s and 65 MB of resident memory to start).
package dev.jetlog.gpu.opencl;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

final class GpuDeviceNodes {
    private GpuDeviceNodes() {
    }

    /** Why no GPU can be present (a Linux machine without any GPU device node), or null if one may be. */
    static String absentReason() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        if (!Files.isDirectory(Path.of("/dev"))) {
            return null;
        }
        for (String node : new String[] {"/dev/nvidia0", "/dev/kfd", "/dev/dxg"}) {
            if (Files.exists(Path.of(node))) {
                return null;
            }
        }
        File[] rendering = new File("/dev/dri").listFiles((dir, name) -> name.startsWith("renderD")
                || name.startsWith("card"));
        if (rendering != null && rendering.length > 0) {
            return null;
        }
        return "no OpenCL GPU (this machine has no GPU device node; --backend opencl runs on a CPU device)";
    }
}
