package org.sipas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRuleTest {

    private final PasswordRule rule = new PasswordRule();

    private String refusal(String password) {
        return rule.check(password, "nguyenvana", "Nguyễn Văn An").orElse("accepted");
    }

    @Test
    void aLongEnoughPassphraseOfOrdinaryWordsIsAccepted() {
        assertThat(refusal("một-mật-khẩu-mới")).isEqualTo("accepted");
        assertThat(refusal("Trời hôm nay xanh lắm")).isEqualTo("accepted");
        assertThat(refusal("cá kho tộ 7 giờ")).isEqualTo("accepted");
        assertThat(refusal("test-admin-password")).isEqualTo("accepted");
    }

    @Test
    void aShortPasswordIsRefusedByCharactersNotBytes() {
        assertThat(refusal("đổi-mk-đi")).isEqualTo("password.tooShort");
        // ten letters with diacritics are ten characters, though more than ten bytes
        assertThat(rule.check("ằẳẵặấầẩẫậđ", "x", null)).isEmpty();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        assertThat(refusal("Mật khẩu rất dài ".repeat(5))).isEqualTo("password.tooLong");
    }

    @Test
    void oneCharacterOrOneShortGroupRepeatedIsRefused() {
        assertThat(refusal("aaaaaaaaaa")).isEqualTo("password.repeated");
        assertThat(refusal("ÂÂÂÂÂÂÂÂÂÂÂ")).isEqualTo("password.repeated");
        assertThat(refusal("abcabcabcabc")).isEqualTo("password.repeated");
        assertThat(refusal("1212121212")).isEqualTo("password.repeated");
    }

    @Test
    void runsOfLettersDigitsOrKeysAreRefused() {
        assertThat(refusal("abcdefghijk")).isEqualTo("password.sequence");
        assertThat(refusal("9876543210")).isEqualTo("password.sequence");
        assertThat(refusal("1234567890")).isEqualTo("password.sequence");
        assertThat(refusal("qwertyuiop")).isEqualTo("password.sequence");
        assertThat(refusal("QWERTYuiop[]")).isEqualTo("password.sequence");
        assertThat(refusal("poiuytrewq")).isEqualTo("password.sequence");
    }

    @Test
    void commonAndBreachedPasswordsAreRefusedWithDigitsAndSymbolsAround() {
        assertThat(refusal("password123")).isEqualTo("password.common");
        assertThat(refusal("Password2025!")).isEqualTo("password.common");
        assertThat(refusal("iloveyou2024")).isEqualTo("password.common");
        assertThat(refusal("1sunshine!!!")).isEqualTo("password.common");
    }

    @Test
    void commonVietnamesePasswordsAreRefusedWithoutRegardToDiacriticsOrCase() {
        assertThat(refusal("matkhau@123")).isEqualTo("password.common");
        assertThat(refusal("Mật Khẩu 2025!")).isEqualTo("password.common");
        assertThat(refusal("ANHYEUEM1999")).isEqualTo("password.common");
        assertThat(refusal("Anh yêu em 123")).isEqualTo("password.common");
        assertThat(refusal("123456a@2025")).isEqualTo("password.common");
        assertThat(refusal("hà nội 123456")).isEqualTo("password.common");
    }

    @Test
    void aPasswordMadeOfTheUsersNameIsRefused() {
        assertThat(refusal("nguyenvana2025")).isEqualTo("password.name");
        assertThat(refusal("Nguyễn Văn An 1990")).isEqualTo("password.name");
        assertThat(refusal("An.Nguyen@1990")).isEqualTo("password.name");
        assertThat(refusal("anavneyugn1")).isEqualTo("password.name");
        assertThat(rule.check("tranthib-12345", "tranthib", null)).contains("password.name");
    }

    @Test
    void aPasswordMadeOfTheSystemsNamesIsRefused() {
        assertThat(refusal("SipasKhaoSat2025")).isEqualTo("password.system");
        assertThat(refusal("Khảo sát hài lòng 1")).isEqualTo("password.system");
        assertThat(refusal("sipas-2025-sipas")).isEqualTo("password.system");
    }

    @Test
    void theShippedListHoldsTheTopTenThousand() throws Exception {
        try (var in = PasswordRule.class.getClassLoader().getResourceAsStream("identity/common-passwords.txt")) {
            String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(10_000);
            assertThat(lines[0]).isEqualTo("123456");
            assertThat(lines[1]).isEqualTo("password");
        }
    }
}
