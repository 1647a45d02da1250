// A device or driver call failed (kernel build or launch, copy, lost device); the message names the call
// and the driver's error code.
package dev.jetlog.gpu;

import dev.jetlog.seminaive.spi.BackendException;

public class DeviceException extends BackendException {
    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
