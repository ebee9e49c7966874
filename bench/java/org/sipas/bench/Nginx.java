package org.sipas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's nginx serving the files of {@code <work>/html}: the page benchmarks' baseline, the same
 * bytes as a file from the fastest server there is, on the same cores, in the same run.
 */
final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx on a free port and waits until it serves {@code probe} (a file in {@code <work>/html}). */
    static Nginx serve(Path work, String probe) throws Exception {
        int port = freePort();
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                master_process on;
                worker_processes auto;
                user root;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    keepalive_requests 1000000;
                    default_type text/html;
                    client_body_temp_path %1$s/tmp-body;
                    proxy_temp_path %1$s/tmp-proxy;
                    fastcgi_temp_path %1$s/tmp-fastcgi;
                    uwsgi_temp_path %1$s/tmp-uwsgi;
                    scgi_temp_path %1$s/tmp-scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %1$s/html;
                    }
                }
                """.formatted(work, port));
        Process process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString(), "-p", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(process, port);
        for (int i = 0; i < 50; i++) {
            try {
                HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(nginx.url(probe))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return nginx;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        nginx.close();
        throw new IllegalStateException("nginx did not start: " + Files.readString(work.resolve("nginx.out")));
    }

    String url(String file) {
        return "http://127.0.0.1:" + port + "/" + file;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
