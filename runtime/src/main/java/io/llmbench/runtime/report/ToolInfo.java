package io.llmbench.runtime.report;

/** The tool's name and version, as written in titles and exports. */
public final class ToolInfo {

    /** The tool's name: prefixes console titles, and names the export files. */
    public static final String NAME = "llmbench";

    private ToolInfo() {
    }

    /** The runtime jar's {@code Implementation-Version}, or {@code dev} when run from classes. */
    public static String version() {
        String version = ToolInfo.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
