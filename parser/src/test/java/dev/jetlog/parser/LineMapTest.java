// The line map alone: exact segments advance with the column, expansions map to their invocation,
// lines without segments (or past the end) fall back to the nearest earlier line, and the text order
// of positions follows the output rather than the line numbers of the files.
package dev.jetlog.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jetlog.parser.LineMap.Segment;
import dev.jetlog.parser.ast.SourcePos;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineMapTest {
    private final SourceText main = SourceText.of("main.dl", "#include \"lib.dl\"\nr(X) :- E.\n");
    private final SourceText lib = SourceText.of("lib.dl", "a.\n\nb.\n");
    private final LineMap map = LineMap.of(List.of(
            List.of(new Segment(1, "lib.dl", 1, 1, true)),
            List.of(new Segment(1, "lib.dl", 3, 1, true)),
            List.of(new Segment(1, "main.dl", 2, 1, true), new Segment(9, "main.dl", 2, 9, false),
                    new Segment(13, "main.dl", 2, 10, true)),
            List.of()), Map.of("main.dl", main, "lib.dl", lib));

    @Test
    void columnsMapThroughExactSegmentsAndExpansions() {
        assertEquals(new SourcePos("lib.dl", 3, 2), map.origin(2, 2));
        assertEquals(new SourcePos("main.dl", 2, 3), map.origin(3, 3));
        assertEquals(new SourcePos("main.dl", 2, 9), map.origin(3, 9), "the expansion starts at the invocation");
        assertEquals(new SourcePos("main.dl", 2, 9), map.origin(3, 12), "and every column of it maps there");
        assertEquals(new SourcePos("main.dl", 2, 10), map.origin(3, 13), "the text after it is exact again");
    }

    @Test
    void anEmptyLineOrOnePastTheEndTakesTheLastPlaceBefore() {
        assertEquals(new SourcePos("main.dl", 2, 10), map.origin(4, 1));
        assertEquals(new SourcePos("main.dl", 2, 10), map.origin(9, 5));
        assertEquals(4, map.outputLines());
    }

    @Test
    void originalLinesComeFromTheirFiles() {
        assertEquals("b.", map.originalLine("lib.dl", 3));
        assertEquals("r(X) :- E.", map.originalLine("main.dl", 2));
        assertEquals("", map.originalLine("other.dl", 1));
        SourceText preprocessed = SourceText.preprocessed(main, "a.\nb.\nr(X) :- e(1).\n", map);
        assertEquals("b.", preprocessed.line("lib.dl", 3));
        assertEquals("b.", preprocessed.line(2), "line(n) is the preprocessed text's");
        assertTrue(preprocessed.isPreprocessed());
    }

    @Test
    void textOrderFollowsTheOutput() {
        SourceText preprocessed = SourceText.preprocessed(main, "a.\nb.\nr(X) :- e(1).\n", map);
        List<SourcePos> positions = new java.util.ArrayList<>(List.of(new SourcePos("main.dl", 2, 1),
                new SourcePos("lib.dl", 3, 1), new SourcePos("lib.dl", 1, 1)));
        positions.sort(preprocessed.textOrder());
        assertEquals(List.of(new SourcePos("lib.dl", 1, 1), new SourcePos("lib.dl", 3, 1), new SourcePos("main.dl", 2, 1)),
                positions);
    }
}
