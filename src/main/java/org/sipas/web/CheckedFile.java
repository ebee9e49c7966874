package org.sipas.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A file sent by a user, accepted only when it is what it says: its name's extension is one of the
 * kinds the caller accepts, its bytes begin as that kind does, and it is no larger than the limit.
 * The content type kept is the one of the kind found, not the one the browser sent. The one rule of
 * uploaded office files and images: a plan task's attachments and an article's files both go through it.
 */
public record CheckedFile(String fileName, String contentType, byte[] content) {

    /** The office kinds a plan's follow-up holds, with PNG and JPEG images. */
    public static final Set<String> OFFICE_AND_IMAGES = Set.of("pdf", "docx", "xlsx", "odt", "ods", "doc", "xls", "png", "jpg", "jpeg");

    private enum Magic { PDF, ZIP, OLE, PNG, JPEG }

    private record Kind(String contentType, Magic magic) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "pdf", new Kind("application/pdf", Magic.PDF),
            "docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Magic.ZIP),
            "xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Magic.ZIP),
            "odt", new Kind("application/vnd.oasis.opendocument.text", Magic.ZIP),
            "ods", new Kind("application/vnd.oasis.opendocument.spreadsheet", Magic.ZIP),
            "doc", new Kind("application/msword", Magic.OLE),
            "xls", new Kind("application/vnd.ms-excel", Magic.OLE),
            "png", new Kind("image/png", Magic.PNG),
            "jpg", new Kind("image/jpeg", Magic.JPEG),
            "jpeg", new Kind("image/jpeg", Magic.JPEG));

    /** Whether the content type is one of the images this rule knows (PNG, JPEG). */
    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    /**
     * The file checked against the kinds {@code accepted} (extensions in lower case, among {@link #OFFICE_AND_IMAGES}).
     *
     * @throws ResponseStatusException 422 naming the file and what is wrong
     */
    public static CheckedFile checked(String originalName, byte[] content, long maxBytes, Set<String> accepted) {
        String name = originalName == null ? "" : originalName.replaceAll("[\\\\/]", "_").strip();
        if (name.isEmpty() || content == null || content.length == 0) {
            throw unprocessable("file: no file was sent");
        }
        if (content.length > maxBytes) {
            throw unprocessable("file %s: %d bytes, more than the %d allowed".formatted(name, content.length, maxBytes));
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Kind kind = accepted.contains(extension) ? KINDS.get(extension) : null;
        if (kind == null) {
            throw unprocessable("file %s: .%s is not accepted (%s)".formatted(name, extension,
                    accepted.stream().sorted().map(e -> e.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "))));
        }
        if (!starts(content, kind.magic())) {
            throw unprocessable("file %s: its content is not a .%s file".formatted(name, extension));
        }
        return new CheckedFile(name, kind.contentType(), content);
    }

    private static ResponseStatusException unprocessable(String reason) {
        return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, reason);
    }

    private static boolean starts(byte[] b, Magic magic) {
        return switch (magic) {
            case PDF -> prefix(b, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case ZIP -> prefix(b, new byte[] {'P', 'K', 3, 4});
            case OLE -> prefix(b, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
            case PNG -> prefix(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            case JPEG -> prefix(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        };
    }

    private static boolean prefix(byte[] b, byte[] p) {
        if (b.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (b[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
