// A backend could not carry out an operator: a device fault, a kernel that failed to launch, a lost
// device. The message says what failed; the driver adds which relation and rule it was working on.
package dev.jetlog.seminaive.spi;

public class BackendException extends RuntimeException {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
