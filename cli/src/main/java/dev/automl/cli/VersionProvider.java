package dev.automl.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"automl " + (v == null ? "dev" : v)};
    }
}
