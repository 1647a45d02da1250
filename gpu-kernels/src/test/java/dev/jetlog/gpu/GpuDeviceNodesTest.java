// GpuDeviceNodes on made-up /dev folders: which nodes let `auto` try OpenCL and CUDA, and which rule them out.
package dev.jetlog.gpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuDeviceNodesTest {
    @TempDir
    Path dev;

    private GpuDeviceNodes linux() {
        return new GpuDeviceNodes(dev.toFile(), true);
    }

    private void node(String name) throws IOException {
        Path path = dev.resolve(name);
        Files.createDirectories(path.getParent());
        Files.createFile(path);
    }

    @Test
    void aLinuxMachineWithoutNodesHasNoGpuOfAnyKind() throws IOException {
        node("null");
        node("nvidiactl");
        assertTrue(linux().noGpuReason().contains("no GPU device node"));
        assertTrue(linux().noNvidiaReason().contains("/dev/nvidia0"));
    }

    @Test
    void anNvidiaNodeAllowsBoth() throws IOException {
        node("nvidia3");
        assertNull(linux().noGpuReason());
        assertNull(linux().noNvidiaReason());
    }

    @Test
    void aRenderNodeAllowsOpenClButNotCuda() throws IOException {
        node("dri/renderD128");
        assertNull(linux().noGpuReason());
        assertNotNull(linux().noNvidiaReason());
        node("kfd");
        assertNotNull(linux().noNvidiaReason(), "ROCm's node is no NVIDIA GPU");
    }

    @Test
    void wslExposesEveryGpuThroughDxg() throws IOException {
        node("dxg");
        assertNull(linux().noGpuReason());
        assertNull(linux().noNvidiaReason());
    }

    @Test
    void otherSystemsAreNotJudgedByNodes() {
        GpuDeviceNodes elsewhere = new GpuDeviceNodes(dev.toFile(), false);
        assertNull(elsewhere.noGpuReason());
        assertNull(elsewhere.noNvidiaReason());
        GpuDeviceNodes noDevFolder = new GpuDeviceNodes(new File(dev.toFile(), "missing"), true);
        assertNull(noDevFolder.noNvidiaReason());
    }
}
