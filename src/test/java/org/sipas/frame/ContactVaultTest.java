package org.sipas.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactVaultTest {

    @TempDir
    Path keys;

    @Test
    void phonesWrittenAnyVietnameseWayHaveOneNormalForm() {
        assertThat(VietnamesePhone.normalise("0912 345 678")).isEqualTo("0912345678");
        assertThat(VietnamesePhone.normalise("+84912345678")).isEqualTo("0912345678");
        assertThat(VietnamesePhone.normalise("84-912.345.678")).isEqualTo("0912345678");
        assertThat(VietnamesePhone.normalise("(028) 3822 1234")).isEqualTo("02838221234");
        assertThat(VietnamesePhone.normalise("12345")).isNull();
        assertThat(VietnamesePhone.normalise("0912 34x 678")).isNull();
        assertThat(VietnamesePhone.normalise("+1 202 555 0100")).isNull();
    }

    @Test
    void keysAreCreatedOnceOwnerOnlyAndReusedAfterARestart() throws Exception {
        ContactVault vault = new ContactVault(new ContactKeys("", "", keys));
        byte[] sealed = vault.seal("Nguyễn Văn An");
        byte[] hash = vault.phoneHash("0912345678");

        assertThat(Files.getPosixFilePermissions(keys.resolve("contact-encryption.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        ContactVault restarted = new ContactVault(new ContactKeys("", "", keys));
        assertThat(restarted.open(sealed)).isEqualTo("Nguyễn Văn An");
        assertThat(restarted.phoneHash("0912345678")).isEqualTo(hash);
        assertThat(vault.seal("Nguyễn Văn An")).as("a fresh IV each time").isNotEqualTo(sealed);
    }

    @Test
    void masksKeepTheFamilyNameAndTheEndsOfThePhone() {
        assertThat(MaskedContact.of("Nguyễn Văn An", "0912345678")).isEqualTo(new MaskedContact("Nguyễn V… A…", "09******78"));
        assertThat(MaskedContact.of("Ánh", null)).isEqualTo(new MaskedContact("Á…", ""));
    }
}
