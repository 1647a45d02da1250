// Host and device hash keys alike: every key of a device-built HISA table sits where linear probing from
// the slot that dev.jetlog.hisa.Hashing gives (masked) reaches it without crossing an empty slot. A
// kernel hash that differed from the host's would leave most keys stranded.
package dev.jetlog.gpu;

import dev.jetlog.hisa.Hashing;
import dev.jetlog.hisa.HisaLayout;
import dev.jetlog.planner.ir.IndexSpec;
import dev.jetlog.seminaive.api.BackendRegistry;
import dev.jetlog.seminaive.spi.BackendOptions;
import dev.jetlog.seminaive.spi.Index;
import dev.jetlog.seminaive.spi.Rows;
import dev.jetlog.seminaive.testkit.BackendRequirement;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashAgreementTest {
    @Test
    void deviceTablesPlaceEveryKeyOnTheHostsProbeSequence() {
        BackendRequirement.check("opencl");
        SplittableRandom random = new SplittableRandom(7);
        int n = 50_000;
        int[] data = new int[2 * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt() >> random.nextInt(32);
        }
        try (GpuBackend backend = (GpuBackend) BackendRegistry.select("opencl").create(BackendOptions.threads(1))) {
            Rows rows = backend.sortUnique(backend.upload(2, data, n));
            int[] sorted = backend.download(rows);
            for (int keyLength : new int[] {1, 2}) {
                Index index = backend.index(rows, new IndexSpec(new int[] {0, 1}, keyLength));
                int[] table = backend.hashTable(index);
                int slots = table.length / HisaLayout.INTS_PER_SLOT;
                int mask = slots - 1;
                int keys = 0;
                for (int slot = 0; slot < slots; slot++) {
                    int first = table[HisaLayout.INTS_PER_SLOT * slot];
                    if (first == 0) {
                        continue;
                    }
                    keys++;
                    int row = first - 1;
                    int[] key = {sorted[2 * row], sorted[2 * row + 1]};
                    int home = Hashing.hash(key, keyLength) & mask;
                    for (int probe = home; probe != slot; probe = (probe + 1) & mask) {
                        assertTrue(table[HisaLayout.INTS_PER_SLOT * probe] != 0, "key " + key[0] + (keyLength == 2
                                ? "," + key[1] : "") + " at slot " + slot + " is unreachable from its host slot " + home);
                    }
                }
                long distinct = keyLength == 2 ? rows.size()
                        : java.util.stream.IntStream.range(0, (int) rows.size()).map(r -> sorted[2 * r]).distinct().count();
                assertEquals(distinct, keys, "one slot per distinct key");
                backend.release(index);
            }
        }
    }
}
