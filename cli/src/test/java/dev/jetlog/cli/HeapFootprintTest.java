// Tests that the runner lowers the heap's free-ratio bounds in its JVM, and leaves a bound alone once it
// is no longer at its default (as when the user gave it with -XX).
package dev.jetlog.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapFootprintTest {
    private final HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void setsTheBoundsThatAreAtTheirDefaultsAndNoOthers() {
        Map<String, VMOption> before = Map.of(
                "MinHeapFreeRatio", hotSpot.getVMOption("MinHeapFreeRatio"),
                "MaxHeapFreeRatio", hotSpot.getVMOption("MaxHeapFreeRatio"));
        Map<String, String> set = HeapFootprint.keepHeapCloseToLiveData();
        for (Map.Entry<String, VMOption> option : before.entrySet()) {
            VMOption now = hotSpot.getVMOption(option.getKey());
            if (option.getValue().getOrigin() == VMOption.Origin.DEFAULT) {
                assertEquals(HeapFootprint.FREE_RATIOS.get(option.getKey()), now.getValue(), option.getKey());
                assertEquals(VMOption.Origin.MANAGEMENT, now.getOrigin(), option.getKey());
                assertTrue(set.containsKey(option.getKey()), option.getKey());
            } else {
                assertEquals(option.getValue().getValue(), now.getValue(), option.getKey());
            }
        }
        assertTrue(Integer.parseInt(hotSpot.getVMOption("MinHeapFreeRatio").getValue())
                <= Integer.parseInt(hotSpot.getVMOption("MaxHeapFreeRatio").getValue()));
        // a second call finds both options set (no longer defaults) and changes nothing
        assertEquals(Map.of(), HeapFootprint.keepHeapCloseToLiveData());
        assertNotEquals("70", hotSpot.getVMOption("MaxHeapFreeRatio").getValue());
    }
}
