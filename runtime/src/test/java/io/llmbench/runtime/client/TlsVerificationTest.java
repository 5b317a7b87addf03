package io.llmbench.runtime.client;

import static io.llmbench.runtime.client.Exchanges.exchange;
import static io.llmbench.runtime.client.Exchanges.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.record.ErrorType;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.spec.EndpointSettings;
import io.llmbench.runtime.spec.TargetSpec;
import io.llmbench.runtime.testing.Loopback;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is verified unless the user says --insecure: a self-signed server is refused, then accepted. */
class TlsVerificationTest {

    static Path selfSignedKeystore(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "keytool failed");
        return keystore;
    }

    private static Server httpsServer(Path keystore) throws Exception {
        Server server = new Server();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.toString());
        tls.setKeyStorePassword("changeit");
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(config));
        Loopback.listen(server, connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap("{\"choices\":[{\"message\":{\"content\":\"hi\"}}]}"
                        .getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
        return server;
    }

    private static RequestRecord send(URI url, boolean insecure) throws Exception {
        TargetSpec target = new TargetSpec(url, "m", EndpointType.CHAT, false, null, Map.of(), Map.of(),
                Duration.ofSeconds(10), new EndpointSettings(List.of(), List.of(), null, null, insecure));
        try (EndpointClient client = new EndpointClient(target, 1)) {
            return exchange(client, request(target, "hello", -1)).toRecord();
        }
    }

    @Test
    void aSelfSignedServerIsRefusedUnlessInsecure(@TempDir Path dir) throws Exception {
        Server server = httpsServer(selfSignedKeystore(dir));
        try {
            URI url = URI.create("https://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
            RequestRecord verified = send(url, false);
            assertNotNull(verified.error(), "an untrusted certificate must be refused by default");
            assertEquals(ErrorType.CONNECT, verified.error().type(), verified.error().message());
            RequestRecord insecure = send(url, true);
            assertNull(insecure.error(), () -> "--insecure accepts it: " + insecure.error());
            assertEquals(200, insecure.httpStatus());
        } finally {
            server.stop();
        }
    }
}
