// Supplies `jetlog --version` from the jar's manifest.
package dev.jetlog.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"JetLog " + (version == null ? "(development build)" : version)};
    }
}
