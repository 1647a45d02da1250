// RegexDialect: POSIX classes inside brackets become Java's; everything else is passed through.
package dev.jetlog.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegexDialectTest {
    @Test
    void posixClassesInsideBracketsBecomeJavas() {
        assertEquals("a[\\p{Digit}]+", RegexDialect.toJava("a[[:digit:]]+"));
        assertEquals("[^\\p{Alpha}\\s_]", RegexDialect.toJava("[^[:alpha:][:space:]_]"));
        assertTrue(RegexDialect.compile("x[[:digit:]]+y").matcher("x123y").matches());
        assertFalse(RegexDialect.compile("x[[:digit:]]+y").matcher("x1:2y").matches());
    }

    @Test
    void everythingElseIsAsWritten() {
        assertEquals("[:digit:]", RegexDialect.toJava("[:digit:]"), "outside brackets: the characters themselves");
        assertEquals("\\[[:x:]]", RegexDialect.toJava("\\[[:x:]]"));
        assertEquals("[\\]\\p{Digit}]", RegexDialect.toJava("[][:digit:]]"), "a leading ] is a member; then a class");
        assertEquals("a.*b", RegexDialect.toJava("a.*b"));
    }
}
