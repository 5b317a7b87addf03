package io.llmbench.runtime.dataset.file;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that write dataset files into {@link #dir} and check what reaches a {@link CapturingServer}. */
abstract class CapturingServerTest {

    @TempDir
    Path dir;
    CapturingServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new CapturingServer();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }
}
