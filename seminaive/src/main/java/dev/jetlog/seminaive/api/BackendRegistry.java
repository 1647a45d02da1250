// Finds backends with java.util.ServiceLoader and picks one by name, or the best available for
// "auto". An explicit choice that cannot run here is an error, never a silent fallback.
package dev.jetlog.seminaive.api;

import dev.jetlog.seminaive.spi.BackendProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The backends on the class path, found with {@link java.util.ServiceLoader}: {@code cpu} always, {@code cuda}
 * and {@code opencl} when {@code jetlog-gpu} is present. {@link #choose} takes a name or {@code "auto"} (the
 * fastest backend that can run here, with the reason); naming a backend that cannot run is an error, never a
 * silent fallback.
 */
public final class BackendRegistry {
    public static final String AUTO = "auto";

    private BackendRegistry() {
    }

    /** Every backend on the class path, best first. */
    public static List<BackendProvider> providers() {
        List<BackendProvider> providers = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class, BackendRegistry.class.getClassLoader()).forEach(providers::add);
        providers.sort(Comparator.comparingInt(BackendProvider::priority).reversed()
                .thenComparing(BackendProvider::name));
        return providers;
    }

    /** A chosen backend, and one line saying which and why. */
    public record Selection(BackendProvider provider, String explanation) {
    }

    /** The provider named, or for "auto" the available one of the highest priority. */
    public static BackendProvider select(String name) {
        return choose(name).provider();
    }

    /**
     * The provider named, or for "auto" the one of the highest priority that may be chosen
     * automatically here, with a line naming it and why the better ones were passed over.
     */
    public static Selection choose(String name) {
        List<BackendProvider> providers = providers();
        if (providers.isEmpty()) {
            throw new JetLogException("no backend is on the class path (expected at least 'cpu')");
        }
        if (AUTO.equals(name)) {
            List<String> reasons = new ArrayList<>();
            for (BackendProvider provider : providers) {
                String reason = provider.autoUnavailableReason();
                if (reason == null) {
                    String why = reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")";
                    return new Selection(provider, "backend auto: " + provider.deviceDescription() + why);
                }
                reasons.add(provider.name() + ": " + reason);
            }
            throw new JetLogException("no backend can run here (" + String.join("; ", reasons) + ")");
        }
        for (BackendProvider provider : providers) {
            if (provider.name().equals(name)) {
                String reason = provider.unavailableReason();
                if (reason != null) {
                    throw new JetLogException("backend '" + name + "' cannot run here: " + reason);
                }
                return new Selection(provider, "backend " + name + ": " + provider.deviceDescription());
            }
        }
        throw new JetLogException("unknown backend '" + name + "' (choose from: auto, "
                + providers.stream().map(BackendProvider::name).collect(Collectors.joining(", ")) + ")");
    }
}
