package io.llmbench.runtime.load;

import io.llmbench.runtime.UserInputException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks before a run that the machine can hold the connections the load needs: one file descriptor
 * and, to one server address, one local (ephemeral) port per request in flight. Failing here with
 * the fix beats thousands of connect errors halfway through a run.
 */
public final class ConnectionLimits {

    /** Descriptors kept aside for the JVM, jars, exports, the mock server and Jetty's selectors. */
    static final long RESERVED_DESCRIPTORS = 256;
    private static final Path PORT_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private ConnectionLimits() {
    }

    /**
     * @param connections the most connections the run may open at once; 0 when unknown (nothing to check)
     * @throws UserInputException when the descriptor or port limit is too low, saying how to raise it
     */
    public static void check(int connections) {
        if (connections <= 0) {
            return;
        }
        long maxDescriptors = maxFileDescriptors();
        check(connections, maxDescriptors, openFileDescriptors(), localPorts());
    }

    static void check(int connections, long maxDescriptors, long openDescriptors, long localPorts) {
        if (maxDescriptors > 0) {
            long needed = connections + Math.max(0, openDescriptors) + RESERVED_DESCRIPTORS;
            if (needed > maxDescriptors) {
                throw new UserInputException("the load needs up to " + connections + " connections, but this process "
                        + "may open only " + maxDescriptors + " files (" + Math.max(0, openDescriptors) + " open): "
                        + "raise the limit, e.g. 'ulimit -n " + roundUp(needed) + "' in the shell that starts "
                        + "llmbench, or lower --concurrency");
            }
        }
        if (localPorts > 0 && connections > localPorts) {
            throw new UserInputException("the load needs up to " + connections + " connections to one server, but "
                    + "the machine has only " + localPorts + " local ports (" + PORT_RANGE + "): widen the range, "
                    + "e.g. 'sudo sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\"', or lower --concurrency");
        }
    }

    private static long roundUp(long needed) {
        return (needed + 1023) / 1024 * 1024;
    }

    private static long maxFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }

    private static long openFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount();
        }
        return -1;
    }

    /** The size of the ephemeral port range, or -1 where it cannot be read. */
    static long localPorts() {
        try {
            String[] range = Files.readString(PORT_RANGE).trim().split("\\s+");
            return Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
