package org.sipas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.sipas.SipasApplication;
import org.sipas.reporting.Publications;
import org.sipas.reporting.Snapshot;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public portal's province page served from a published snapshot, against nginx serving the
 * same page saved as a file, in the same run: wrk GETs the page from {@code bench.clients} (50)
 * connections for {@code bench.seconds} (20) per round, alternating sipas and nginx
 * ({@code bench.rounds}, 3), after a warm-up of each. The application starts fresh with the demo
 * (its campaign published as version 1, the demo's map from ../shared/data when present) on
 * target/bench-portal-pg; nginx (Debian's nginx-light, /usr/sbin/nginx) runs with as many workers
 * as cores, access log off, sendfile on: the best a static file gets. Prints each run, the medians,
 * and the ratio sipas / nginx (goal ≥ 0.30).
 */
public final class PortalBenchmark {


    public static void main(String[] args) throws Exception {
        measure();
    }

    static void measure() throws Exception {
        int clients = Integer.getInteger("bench.clients", 50);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int rounds = Integer.getInteger("bench.rounds", 3);
        if (clients == 100 && seconds == 30) {
            // the profile's defaults are the response benchmark's; a page read needs fewer to saturate 2 cores
            clients = 50;
            seconds = 20;
        }
        Path work = Path.of(System.getProperty("bench.portal-dir", "target/bench-portal")).toAbsolutePath();
        BenchContext.deleteTree(work);
        Files.createDirectories(work.resolve("html"));
        Path boundaries = Stream.of(System.getProperty("sipas.shared", ""), "../shared", "../../shared")
                .filter(s -> !s.isBlank()).map(s -> Path.of(s, "data", "vn-provinces-2025.geojson"))
                .filter(Files::isReadable).findFirst().orElse(null);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SipasApplication.class).run("--server.port=0",
                "--sipas.demo.enabled=true", "--sipas.admin.password=bench-administrator",
                "--sipas.db.embedded.data-dir=" + work.resolve("pg"), "--sipas.db.embedded.shared-in-jvm=true",
                "--sipas.contacts.key-dir=" + work.resolve("keys"), "--logging.level.root=WARN",
                "--sipas.portal.demo-boundaries=" + (boundaries == null ? "" : boundaries.toAbsolutePath()));
        Nginx nginx = null;
        try {
            Snapshot demo = app.getBean(Publications.class).published().get(0);
            String port = app.getEnvironment().getProperty("local.server.port");
            String path = "/portal/campaigns/" + demo.campaignId() + "/provinces/" + demo.scopeUnitCode();
            String ours = "http://127.0.0.1:" + port + path;
            HttpResponse<byte[]> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ours)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (page.statusCode() != 200) {
                throw new IllegalStateException(ours + " answered " + page.statusCode());
            }
            Files.write(work.resolve("html").resolve("province.html"), page.body());
            nginx = Nginx.serve(work, "province.html");
            String theirs = nginx.url("province.html");

            System.out.printf("PortalBenchmark: %s (%d bytes, ETag %s, map %s), %d connections, %d s a run, %d rounds, %d cores%n",
                    path, page.body().length, page.headers().firstValue("ETag").orElse("-"),
                    boundaries == null ? "absent" : "34 provinces", clients, seconds, rounds, Runtime.getRuntime().availableProcessors());
            Wrk.print(Wrk.get("warm-up sipas", work, ours, clients, seconds));
            Wrk.print(Wrk.get("warm-up nginx", work, theirs, clients, seconds));
            List<Wrk.Run> sipas = new ArrayList<>();
            List<Wrk.Run> file = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Wrk.Run a = Wrk.get("round " + round + " sipas province page", work, ours, clients, seconds);
                Wrk.print(a);
                sipas.add(a);
                Wrk.Run b = Wrk.get("round " + round + " nginx same page as a file", work, theirs, clients, seconds);
                Wrk.print(b);
                file.add(b);
            }
            double ourRate = Wrk.median(sipas, Wrk.Run::perSecond);
            double theirRate = Wrk.median(file, Wrk.Run::perSecond);
            System.out.printf("%nmedian sipas %.0f requests/s (p99 %.1f ms), nginx %.0f requests/s (p99 %.1f ms): ratio %.3f (goal >= 0.30)%n",
                    ourRate, Wrk.median(sipas, Wrk.Run::p99Millis), theirRate, Wrk.median(file, Wrk.Run::p99Millis),
                    ourRate / theirRate);
            int refused = sipas.stream().mapToInt(Wrk.Run::refused).sum() + file.stream().mapToInt(Wrk.Run::refused).sum();
            if (refused > 0) {
                System.out.println("WARNING: " + refused + " answers were not 200");
            }
        } finally {
            if (nginx != null) {
                nginx.close();
            }
            app.close();
        }
    }
}
