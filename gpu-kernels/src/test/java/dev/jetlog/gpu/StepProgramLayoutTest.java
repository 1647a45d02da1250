// The host encoder and the kernel interpreter agree on the program layout: every header slot, opcode and
// constant that StepEncoder writes has the value expr.h gives it.
package dev.jetlog.gpu;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepProgramLayoutTest {
    @Test
    void encoderConstantsMatchTheKernelHeader() throws IllegalAccessException {
        Map<String, Integer> defines = new HashMap<>();
        Matcher define = Pattern.compile("(?m)^#define\\s+(\\w+)\\s+(-?\\d+)\\s*$").matcher(KernelSource.inlined());
        while (define.find()) {
            defines.put(define.group(1), Integer.parseInt(define.group(2)));
        }
        Map<String, String> aliases = Map.of("MAX_STACK", "JL_STACK", "MAX_KEY", "JL_MAX_KEY");
        int checked = 0;
        for (Field field : StepEncoder.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != int.class) {
                continue;
            }
            String name = aliases.getOrDefault(field.getName(), field.getName());
            assertTrue(defines.containsKey(name), name + " is not defined in the kernels");
            assertEquals(defines.get(name), field.getInt(null), name);
            checked++;
        }
        assertTrue(checked > 30, "only " + checked + " constants checked");
    }
}
