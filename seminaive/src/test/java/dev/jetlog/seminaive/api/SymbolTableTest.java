// SymbolTable: dense ids in order of first sight, and lock-free decoding that stays right while another
// thread interns new symbols (and grows the table under the readers).
package dev.jetlog.seminaive.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolTableTest {
    @Test
    void idsAreDenseInOrderOfFirstSight() {
        SymbolTable table = new SymbolTable();
        assertEquals(0, table.encode("a"));
        assertEquals(1, table.encode("b"));
        assertEquals(0, table.encode("a"));
        assertEquals(2, table.size());
        assertEquals("b", table.decode(1));
        assertEquals(1, table.lookup("b"));
        assertEquals(-1, table.lookup("c"));
        assertThrows(IllegalArgumentException.class, () -> table.decode(2));
        assertThrows(IllegalArgumentException.class, () -> table.decode(-1));
    }

    @Test
    void readersDecodeEverySymbolTheySeeWhileAWriterInternsAndGrowsTheTable() throws Exception {
        SymbolTable table = new SymbolTable();
        int symbols = 300_000;
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> wrong = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        long[] checked = new long[3];
        for (int r = 0; r < checked.length; r++) {
            int reader = r;
            Thread thread = new Thread(() -> {
                while (!done.get() && wrong.get() == null) {
                    int size = table.size();
                    for (int id = Math.max(0, size - 64); id < size; id++) {
                        String text = table.decode(id);
                        if (!text.equals("s" + id)) {
                            wrong.compareAndSet(null, "id " + id + " decoded as " + text);
                        }
                        checked[reader]++;
                    }
                }
            });
            readers.add(thread);
            thread.start();
        }
        for (int id = 0; id < symbols; id++) {
            assertEquals(id, table.encode("s" + id));
        }
        done.set(true);
        for (Thread thread : readers) {
            thread.join();
        }
        assertEquals(null, wrong.get());
        assertTrue(checked[0] + checked[1] + checked[2] > 0, "the readers decoded nothing");
        for (int id = 0; id < symbols; id += 997) {
            assertEquals("s" + id, table.decode(id));
        }
    }
}
