package io.llmbench.runtime.client;

import static io.llmbench.runtime.client.Exchanges.exchange;
import static io.llmbench.runtime.client.Exchanges.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.llmbench.annotations.EndpointType;
import io.llmbench.runtime.mock.MockServer;
import io.llmbench.runtime.mock.MockSettings;
import io.llmbench.runtime.mock.MockVocabulary;
import io.llmbench.runtime.record.RequestRecord;
import io.llmbench.runtime.record.ResponseChunk;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
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

/** HTTP/2 on request: h2c with prior knowledge, and h2 negotiated by ALPN over TLS. */
class Http2Test {

    private static final byte[] STREAM = ("data: {\"choices\":[{\"delta\":{\"content\":\" one\"}}]}\n\n"
            + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);

    private final ConcurrentLinkedQueue<String> versions = new ConcurrentLinkedQueue<>();

    private Handler recordingVersions() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                versions.add(request.getConnectionMetaData().getHttpVersion().asString());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
                response.write(true, ByteBuffer.wrap(STREAM), callback);
                return true;
            }
        };
    }

    private static TargetSpec target(URI url, boolean insecure) {
        return new TargetSpec(url, "m", EndpointType.CHAT, true, null, Map.of(), Map.of(), Duration.ofSeconds(10),
                new EndpointSettings(List.of(), List.of(), null, null, insecure, null, null, true));
    }

    @Test
    void h2cWithPriorKnowledgeStreamsOverHttp2() throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
                new HTTP2CServerConnectionFactory(config));
        Loopback.listen(server, connector);
        server.setHandler(recordingVersions());
        server.start();
        try {
            TargetSpec target = target(URI.create("http://127.0.0.1:" + connector.getLocalPort()), false);
            try (EndpointClient client = new EndpointClient(target, 4)) {
                RequestRecord record = exchange(client, request(target, "hi", 4)).toRecord();
                assertNull(record.error(), () -> "failed: " + record.error());
            }
            assertEquals(List.of("HTTP/2.0"), List.copyOf(versions));
        } finally {
            server.stop();
        }
    }

    @Test
    void tlsNegotiatesH2ByAlpn(@TempDir Path dir) throws Exception {
        Server server = new Server();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(TlsVerificationTest.selfSignedKeystore(dir).toString());
        tls.setKeyStorePassword("changeit");
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration config = new HttpConfiguration();
        config.addCustomizer(new SecureRequestCustomizer(false));
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol("http/1.1");
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()),
                alpn, new HTTP2ServerConnectionFactory(config), new HttpConnectionFactory(config));
        Loopback.listen(server, connector);
        server.setHandler(recordingVersions());
        server.start();
        try {
            TargetSpec target = target(URI.create("https://127.0.0.1:" + connector.getLocalPort()), true);
            try (EndpointClient client = new EndpointClient(target, 4)) {
                RequestRecord record = exchange(client, request(target, "hi", 4)).toRecord();
                assertNull(record.error(), () -> "failed: " + record.error());
            }
            assertEquals(List.of("HTTP/2.0"), List.copyOf(versions));
        } finally {
            server.stop();
        }
    }

    @Test
    void theMockServerSpeaksH2c() throws Exception {
        try (MockServer mock = MockServer.start(MockSettings.defaults().withTiming(2, 1))) {
            TargetSpec target = target(mock.baseUri(), false);
            try (EndpointClient client = new EndpointClient(target, 4)) {
                RequestRecord record = exchange(client, request(target, "hi", 6)).toRecord();
                assertNull(record.error(), () -> "failed: " + record.error());
                assertEquals(6, record.chunks().stream().filter(ResponseChunk::isTokenBearing).count());
                assertEquals(MockVocabulary.text(6), String.join("",
                        record.chunks().stream().map(ResponseChunk::content).toList()));
            }
        }
    }
}
