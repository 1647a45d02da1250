// A backend could not allocate the memory an operator needs (within its budget or on the device);
// the message gives the sizes requested and available.
package dev.jetlog.seminaive.spi;

public class BackendMemoryException extends BackendException {
    public BackendMemoryException(String message) {
        super(message);
    }
}
