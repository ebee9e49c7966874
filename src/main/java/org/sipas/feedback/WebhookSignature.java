package org.sipas.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook: {@code X-Sipas-Signature: sha256=<hex>}, the HMAC-SHA256 with the
 * endpoint's secret of {@code <timestamp>.<body>}, where the timestamp (Unix seconds) is sent as
 * {@code X-Sipas-Timestamp}. Signing the timestamp with the body lets a receiver refuse a replayed
 * request whose timestamp is old (we suggest five minutes) without trusting an unsigned header.
 */
final class WebhookSignature {

    static final String SIGNATURE = "X-Sipas-Signature";
    static final String TIMESTAMP = "X-Sipas-Timestamp";
    static final String EVENT = "X-Sipas-Event";
    static final String DELIVERY = "X-Sipas-Delivery";

    private WebhookSignature() {
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
