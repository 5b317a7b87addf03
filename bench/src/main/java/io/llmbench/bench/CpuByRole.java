package io.llmbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The client process's CPU split by what its threads do: the processing thread (decode, metrics,
 * export, and in a closed loop the next send), Jetty's network threads (reads, SSE parsing,
 * writes), and the JVM's own threads (JIT compilers, GC), which Java cannot list and so are the
 * process total less every Java thread. Taken as a snapshot; two snapshots give a run's split.
 *
 * @param processingNs the {@code llmbench-records} thread
 * @param networkNs the {@code llmbench-client} threads
 * @param otherJavaNs every other Java thread (the pacer, the benchmark's own)
 * @param processNs the whole process
 */
record CpuByRole(long processingNs, long networkNs, long otherJavaNs, long processNs) {

    static CpuByRole now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long processing = 0;
        long network = 0;
        long other = 0;
        for (long id : threads.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info == null || cpu < 0) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith("llmbench-records")) {
                processing += cpu;
            } else if (name.startsWith("llmbench-client")) {
                network += cpu;
            } else {
                other += cpu;
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new CpuByRole(processing, network, other, process);
    }

    /** What was spent from {@code start} to this snapshot. Threads that ended in between are lost to "JVM". */
    CpuByRole since(CpuByRole start) {
        return new CpuByRole(processingNs - start.processingNs, networkNs - start.networkNs,
                otherJavaNs - start.otherJavaNs, processNs - start.processNs);
    }

    /** JIT compilers, GC and the rest of the JVM's own threads. */
    long jvmNs() {
        return processNs - processingNs - networkNs - otherJavaNs;
    }

    /** One line: microseconds per completed request of each role. */
    String perRequest(long completed) {
        double n = Math.max(1, completed) * 1e3;
        return String.format(java.util.Locale.ROOT,
                "processing %.1f + network %.1f + other Java %.1f + JVM (JIT, GC) %.1f µs", processingNs / n,
                networkNs / n, otherJavaNs / n, jvmNs() / n);
    }
}
