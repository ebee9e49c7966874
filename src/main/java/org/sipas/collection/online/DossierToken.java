package org.sipas.collection.online;

import java.time.Instant;

/**
 * The survey link of a dossier sampled for the online channel, as a one-stop system prints it on
 * its own receipt.
 *
 * @param token     the survey token (base64url, 24 characters)
 * @param url       the link the respondent opens
 * @param expiresAt when the link stops taking answers
 * @param qrSvgUrl  where to fetch the link's QR code as SVG (same credentials)
 */
record DossierToken(String token, String url, Instant expiresAt, long campaignId, String campaignName, String qrSvgUrl) {
}
