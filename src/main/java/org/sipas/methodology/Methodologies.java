package org.sipas.methodology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.methodology.MethodologyRepository.Origin;
import org.sipas.methodology.MethodologyRepository.StoredVersion;
import org.sipas.web.RowError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The methodologies this installation knows: every version of every code, as stored in
 * PostgreSQL. Shipped files are installed at start-up; administrators upload new ones. A
 * version a campaign uses is {@linkplain #freeze frozen}: it never changes again, and an upload
 * of its code becomes the next version.
 */
@Service
public class Methodologies {

    /** An upload stored: the version it became, and whether it replaced a draft of that number. */
    record Uploaded(Methodology methodology, boolean replacedDraft, List<RowError> warnings) {
    }

    /** What the audit log keeps of a version. */
    record Summary(String code, int version, String title, String sourceHash, String origin) {
        static Summary of(StoredVersion v) {
            return new Summary(v.code(), v.version(), v.title(), v.sourceHash(), v.origin().name());
        }
    }

    private final MethodologyRepository repository;
    private final AuditLog audit;
    private final CurrentUsers currentUsers;
    /** Models read from stored sources, by code, version and hash: a replaced draft is read again. */
    private final Map<String, Methodology> models = new ConcurrentHashMap<>();
    /** Frozen versions by code and version. */
    private final Map<String, Methodology> frozen = new ConcurrentHashMap<>();

    private final ObjectProvider<AlertRuleBook> ruleBooks;
    private final ApplicationEventPublisher events;

    Methodologies(MethodologyRepository repository, AuditLog audit, CurrentUsers currentUsers,
                  ObjectProvider<AlertRuleBook> ruleBooks, ApplicationEventPublisher events) {
        this.repository = repository;
        this.audit = audit;
        this.currentUsers = currentUsers;
        this.ruleBooks = ruleBooks;
        this.events = events;
    }

    /** The channel names an alert rule may name; empty when no rule book is there to say. */
    Set<String> alertChannels() {
        AlertRuleBook book = ruleBooks.getIfAvailable();
        return book == null ? Set.of() : book.channels();
    }

    /** The version as a download carries it: with the alert rules in force (edited since the upload) when there are any. */
    Methodology withRulesInForce(Methodology methodology) {
        AlertRuleBook book = ruleBooks.getIfAvailable();
        if (book == null) {
            return methodology;
        }
        List<AlertDeclaration> inForce = book.rulesOf(methodology.code(), methodology.version());
        return inForce.isEmpty() ? methodology : methodology.withAlerts(inForce);
    }

    /**
     * Checks one alert rule against its version with the same rules a file's {@code alerts} get
     * (the rules editor's check): rejected with every problem named by its field.
     */
    public void checkAlert(String code, int version, AlertDeclaration alert) {
        Methodology methodology = find(code, version).orElseThrow(() -> new NoSuchElementException(
                "No methodology " + code + " version " + version));
        Problems problems = new Problems(code + " v" + version);
        MethodologyRules.checkAlert(methodology, alert, "", problems, alertChannels());
        problems.rejectIfAny();
    }

    /** A frozen version never changes again (on any node), so once read it is served from memory. */
    public Optional<Methodology> find(String code, int version) {
        Methodology known = frozen.get(code + "/" + version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StoredVersion> stored = repository.find(code, version);
        stored.filter(StoredVersion::frozen).ifPresent(v -> frozen.put(code + "/" + version, model(v)));
        return stored.map(this::model);
    }

    /** The newest version of {@code code}, frozen or not. */
    public Methodology latest(String code) {
        return repository.latest(code).map(this::model)
                .orElseThrow(() -> new NoSuchElementException("No methodology with code '" + code + "' is installed"));
    }

    /** Every version of every methodology, by code then version. */
    public List<Methodology> all() {
        return repository.all().stream().map(this::model).toList();
    }

    /**
     * Freezes a version because a campaign uses it: from now on its questions and codes never
     * change, and an upload of its code becomes a new version. Freezing a frozen version does nothing.
     */
    @Transactional
    public void freeze(String code, int version) {
        repository.lock(code);
        StoredVersion stored = repository.find(code, version).orElseThrow(() -> new NoSuchElementException(
                "No methodology " + code + " version " + version + " to freeze"));
        if (repository.freeze(code, version)) {
            audit.record("methodology.freeze", "methodology", code + "/" + version, Summary.of(stored), null,
                    "frozen for use by a campaign");
        }
    }

    public boolean isFrozen(String code, int version) {
        return repository.find(code, version).map(StoredVersion::frozen).orElse(false);
    }

    /** The stored versions with their history (who uploaded, when, frozen or not), for the list page. */
    List<StoredVersion> versions() {
        return repository.all();
    }

    Optional<StoredVersion> stored(String code, int version) {
        return repository.find(code, version);
    }

    /**
     * Stores an uploaded file (YAML or XLSForm). A new code keeps the file's version number; after
     * that the store numbers: a draft latest version is replaced, a frozen one is followed by the
     * next number. The new version must keep the meaning of every variable of the earlier ones.
     */
    @Transactional
    Uploaded upload(String file, byte[] content) {
        MethodologyFiles.Read read = MethodologyFiles.read(file, content, Origin.YAML, alertChannels());
        String code = read.methodology().code();
        repository.lock(code);
        Optional<StoredVersion> latest = repository.latest(code);
        int version = latest.map(v -> v.frozen() ? v.version() + 1 : v.version()).orElse(read.methodology().version());
        Methodology methodology = read.methodology().withVersion(version);
        List<Methodology> earlier = repository.versions(code).stream().filter(v -> v.version() != version)
                .map(this::model).toList();
        CodebookContinuity.check(methodology, earlier, read.problems());
        read.problems().rejectIfAny();
        StoredVersion row = new StoredVersion(code, version, methodology.title().first(), read.source(),
                hash(read.source()), read.origin(), currentUsers.actorName(), null, null);
        boolean replaced = latest.isPresent() && latest.get().version() == version;
        if (replaced) {
            repository.replaceDraft(row);
        } else {
            repository.insert(row);
        }
        audit.record("methodology.upload", "methodology", code + "/" + version,
                replaced ? Summary.of(latest.get()) : null, Summary.of(row),
                (replaced ? "replaced the draft from " : "new version from ") + file);
        events.publishEvent(new MethodologyVersionStored(code, version, methodology.alerts(), file));
        return new Uploaded(methodology, replaced, read.problems().warnings());
    }

    /**
     * Installs a shipped file at start-up when its code and version are not stored yet. A shipped
     * file changed under the same version replaces a draft, but a frozen version is never changed:
     * the start fails and says to give the file a new version number.
     */
    @Transactional
    ShippedInstall install(String file, MethodologyFiles.Read read) {
        Methodology methodology = read.methodology();
        repository.lock(methodology.code());
        StoredVersion row = new StoredVersion(methodology.code(), methodology.version(), methodology.title().first(),
                read.source(), hash(read.source()), Origin.SHIPPED, "system", null, null);
        Optional<StoredVersion> stored = repository.find(methodology.code(), methodology.version());
        if (stored.isEmpty()) {
            repository.insert(row);
            events.publishEvent(new MethodologyVersionStored(methodology.code(), methodology.version(), methodology.alerts(), file));
            return ShippedInstall.INSTALLED;
        }
        StoredVersion current = stored.get();
        if (current.sourceHash().equals(row.sourceHash())) {
            return ShippedInstall.UNCHANGED;
        }
        if (current.origin() != Origin.SHIPPED) {
            return ShippedInstall.KEPT_UPLOAD;
        }
        if (current.frozen()) {
            throw new IllegalStateException("The shipped methodology file " + file + " (" + methodology.code()
                    + " version " + methodology.version() + ") differs from the version stored and frozen on "
                    + current.frozenAt() + " for a campaign. A frozen version never changes: give the changed"
                    + " file the next version number (version: " + (methodology.version() + 1) + ").");
        }
        repository.replaceDraft(row);
        audit.record("methodology.upload", "methodology", methodology.code() + "/" + methodology.version(),
                Summary.of(current), Summary.of(row), "shipped draft replaced by the changed file " + file);
        events.publishEvent(new MethodologyVersionStored(methodology.code(), methodology.version(), methodology.alerts(), file));
        return ShippedInstall.REPLACED_DRAFT;
    }

    /** What installing a shipped file did. */
    enum ShippedInstall { INSTALLED, UNCHANGED, REPLACED_DRAFT, KEPT_UPLOAD }

    private Methodology model(StoredVersion v) {
        return models.computeIfAbsent(v.code() + "/" + v.version() + "/" + v.sourceHash(),
                key -> MethodologyFiles.readStored(v.code(), v.version(), v.source()));
    }

    static String hash(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
