package org.sipas.articles;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Two editors of the nation's portal, and an article written by the first and published by the second. */
@Component
class ArticleFixtures {

    final Articles articles;
    final CurrentUsers users;
    final JdbcClient jdbc;

    ArticleFixtures(Articles articles, CurrentUsers users, JdbcClient jdbc) {
        this.articles = articles;
        this.users = users;
        this.jdbc = jdbc;
    }

    CurrentUser editor(String name) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        return new CurrentUser(name, Set.of(Role.EDITOR), nation);
    }

    <T> T as(CurrentUser who, Supplier<T> work) {
        return users.runAs(who, work);
    }

    long draft(CurrentUser author, String section, String language, String title, String summary, String body) {
        return as(author, () -> articles.create(new ArticleForm(section, language, title, null, summary, body)));
    }

    /** Written by {@code author}, sent for review by them, published by {@code publisher} at {@code at} (now when null). */
    Article published(CurrentUser author, CurrentUser publisher, String section, String language, String title, String summary,
                      String body, Instant at) {
        long id = draft(author, section, language, title, summary, body);
        as(author, () -> {
            articles.submit(id);
            return null;
        });
        as(publisher, () -> {
            articles.publish(id, at);
            return null;
        });
        return articles.get(id);
    }
}
