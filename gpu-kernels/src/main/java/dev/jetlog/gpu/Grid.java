// Launch geometry: how many work-groups a grid-stride kernel or a tiled kernel takes for n items.
package dev.jetlog.gpu;

final class Grid {
    private Grid() {
    }

    /** Work-groups for a grid-stride loop over n items: enough to fill the device, at least one. */
    static long strided(Device device, long n) {
        return Math.max(1, Math.min((n + Device.BLOCK - 1) / Device.BLOCK, device.preferredGroups()));
    }

    /** Tiles of the given size that cover n items, at least one. */
    static long tiles(long n, long tile) {
        return Math.max(1, (n + tile - 1) / tile);
    }
}
