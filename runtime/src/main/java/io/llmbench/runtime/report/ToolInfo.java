package io.llmbench.runtime.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name and version, as written in titles and exports. */
public final class ToolInfo {

    /** The tool's name: prefixes console titles, and names the export files. */
    public static final String NAME = "llmbench";

    /** Written by the build from the project's version (see the runtime's pom). */
    private static final String VERSION_RESOURCE = "llmbench-version.properties";
    private static final String VERSION = readVersion();

    private ToolInfo() {
    }

    /**
     * Starts a JSON export: opens its object and writes {@code tool}, {@code llmbench_version} and
     * {@code schema_version}, the fields every summary export begins with.
     */
    public static void startExport(com.fasterxml.jackson.core.JsonGenerator json, String toolVersion,
            String schemaVersion) throws IOException {
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("tool", NAME);
        json.writeStringField(NAME + "_version", toolVersion);
        json.writeStringField("schema_version", schemaVersion);
    }

    /**
     * The runtime's version as built (e.g. {@code 0.1.0-SNAPSHOT}), also inside a user's shaded jar whose
     * manifest names the user's project; {@code dev} when the build did not write it.
     */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = ToolInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // An unreadable resource is a broken build, not a reason to fail a run: fall through.
        }
        String manifest = ToolInfo.class.getPackage().getImplementationVersion();
        return manifest == null || manifest.isBlank() ? "dev" : manifest;
    }
}
