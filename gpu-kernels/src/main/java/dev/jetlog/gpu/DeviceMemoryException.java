// The device (or the backend's memory budget) cannot provide a buffer; the message gives the sizes.
package dev.jetlog.gpu;

import dev.jetlog.seminaive.spi.BackendMemoryException;

public class DeviceMemoryException extends BackendMemoryException {
    public DeviceMemoryException(String message) {
        super(message);
    }
}
