package org.sipas.web;

import java.text.MessageFormat;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The messages of every page, from the bundles that {@code spring.messages} names, with each thread
 * formatting through copies of its own. Spring formats a message with arguments under the lock of
 * the one {@link MessageFormat} it keeps per message and language, shared by all threads: with a
 * hundred visitors opening the questionnaire at once, the page's threads queued on those locks for
 * most of the page's time (PageBenchmark, bench/README.md); MessageFormattingTest. A copy per thread (the formats of a
 * bundle never change once read: no cache duration is set) makes each lock uncontended.
 */
class Messages extends ResourceBundleMessageSource {

    private final ThreadLocal<Map<MessageFormat, MessageFormat>> copies = ThreadLocal.withInitial(IdentityHashMap::new);

    @Override
    protected MessageFormat resolveCode(String code, Locale locale) {
        MessageFormat shared = super.resolveCode(code, locale);
        return shared == null ? null : copies.get().computeIfAbsent(shared, format -> (MessageFormat) format.clone());
    }
}
