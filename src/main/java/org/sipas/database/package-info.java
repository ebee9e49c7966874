/**
 * Where sipas keeps its data: its own PostgreSQL 17 ({@link org.sipas.database.EmbeddedPostgresServer})
 * on {@code SIPAS_DATA_DIR/pg} when no {@code SIPAS_DB_URL} is set, or the server it names.
 *
 * <p>Rules of the embedded server:
 * <ul>
 *   <li>One application per data directory: it holds {@code pg.lock} beside the directory while it
 *       runs; a second one fails at once.</li>
 *   <li>A start after a crash needs no operator: the holder of the lock stops the PostgreSQL a dead
 *       application left running ({@code OrphanedPostmaster}), then starts its own, which recovers
 *       from its WAL.</li>
 *   <li>No connection without the password ({@code scram-sha-256}, TCP and socket), generated once in
 *       {@code pg.password}, owner-only; a directory made with {@code trust} is upgraded on start.</li>
 *   <li>Commits are durable ({@code fsync}, {@code synchronous_commit} on), whatever zonky's defaults.</li>
 * </ul>
 * Backups: {@code bin/sipas-backup} and {@code bin/sipas-restore}, the latter through {@link org.sipas.database.EmbeddedRestore}.
 */
package org.sipas.database;
