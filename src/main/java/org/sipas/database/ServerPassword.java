package org.sipas.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's superuser password: random, made once, kept beside the data directory
 * ({@code data/pg.password} for {@code data/pg}) and readable by its owner only, so a local user
 * who is not the one sipas runs as gets no superuser, and so no contact. The backup script reads it
 * from there too.
 */
final class ServerPassword {

    private static final Logger log = LoggerFactory.getLogger(ServerPassword.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int SECRET_BYTES = 24;

    private final Path file;
    private final String secret;

    private ServerPassword(Path file, String secret) {
        this.file = file;
        this.secret = secret;
    }

    static Path fileFor(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    static boolean exists(Path dataDir) {
        return Files.exists(fileFor(dataDir));
    }

    /** The password of {@code dataDir}'s server, created on the first call for a directory. */
    static ServerPassword of(Path dataDir) {
        Path file = fileFor(dataDir);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            keepOwnerOnly(file);
            String secret = Files.readString(file).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException("The embedded database password file " + file + " is empty");
            }
            return new ServerPassword(file, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the embedded database password " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(random);
        // letters, digits, - and _ only: nothing to quote in SQL, in a pwfile or in a shell
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        // one line, as initdb --pwfile reads it
        Files.writeString(file, secret + "\n");
    }

    /** A file copied or unpacked with wider permissions is narrowed again, not trusted as it is. */
    private static void keepOwnerOnly(Path file) throws IOException {
        try {
            if (Files.getPosixFilePermissions(file).stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                log.warn("The embedded database password file {} was readable by others: now owner-only", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file's ACL is the user profile's
        }
    }

    Path file() {
        return file;
    }

    String secret() {
        return secret;
    }
}
