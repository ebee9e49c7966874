package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;

@SpringBootTest
class MessageFormattingTest {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Autowired
    MessageSource messages;

    @Test
    void everyPackagesMessagesResolveInBothLanguagesAsSpringMessagesNamesThem() {
        assertThat(messages).isInstanceOf(Messages.class);
        assertThat(messages.getMessage("pager.position", new Object[] {2, 5, "1.234"}, VIETNAMESE)).isEqualTo("Trang 2/5 · 1.234 bản ghi");
        assertThat(messages.getMessage("survey.progress", new Object[] {1, 3}, VIETNAMESE)).isEqualTo("Phần 1/3");
        assertThat(messages.getMessage("survey.progress", new Object[] {1, 3}, Locale.ENGLISH)).isEqualTo("Part 1 of 3");
    }

    @Test
    void manyThreadsFormattingTheSameMessageAtOnceEachGetTheirOwnArguments() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<List<String>>> work = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                work.add(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        String got = messages.getMessage("survey.progress", new Object[] {thread, i}, VIETNAMESE);
                        // as MessageFormat writes a number argument: the language's number format
                        String expected = "Phần " + NumberFormat.getInstance(VIETNAMESE).format(thread) + "/"
                                + NumberFormat.getInstance(VIETNAMESE).format(i);
                        if (!got.equals(expected)) {
                            wrong.add(got);
                        }
                    }
                    return wrong;
                });
            }
            for (Future<List<String>> result : pool.invokeAll(work)) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdown();
        }
    }
}
