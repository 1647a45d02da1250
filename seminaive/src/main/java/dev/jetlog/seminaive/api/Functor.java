// The Java implementation of a user-defined functor (`.functor name(...): type` in the program, called as
// `@name(...)`), registered with EngineOptions.withFunctor.
package dev.jetlog.seminaive.api;

/**
 * A user-defined functor. Arguments arrive as Java values by their declared type: {@code number} as
 * Integer, {@code unsigned} as Long, {@code float} as Float, {@code symbol} as String; the result must be
 * a value of the declared result type (Integer or Long in range for number and unsigned, Float or Double
 * for float, String for symbol). The CPU backend calls a functor from several threads at once, so it must be
 * thread-safe; JetLog may call it more than once for the same arguments. An exception it throws, or a
 * result of the wrong kind, stops the run with a JetLogException naming the functor and the rule.
 */
@FunctionalInterface
public interface Functor {
    Object apply(Object... args);
}
