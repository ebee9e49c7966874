package org.sipas.indexdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The index definitions: the shipped ones ({@code classpath:indexdb/*.yaml}, stored on start) and
 * those an administrator uploads, as YAML or as a table. Like a methodology, a version that holds
 * values or an assessment is frozen: an upload of its code becomes the next version; a version not
 * yet in use is replaced by the upload.
 */
@Service
public class IndexDefinitions {

    private static final Logger log = LoggerFactory.getLogger(IndexDefinitions.class);
    private static final String SHIPPED_BY = "sipas";

    private final DefinitionRepository definitions;
    private final CurrentUsers users;
    private final AuditLog audit;

    IndexDefinitions(DefinitionRepository definitions, CurrentUsers users, AuditLog audit) {
        this.definitions = definitions;
        this.users = users;
        this.audit = audit;
    }

    /**
     * The shipped definitions, stored once each (a changed file is stored as the rule of uploads says);
     * under a lock in the database, so two nodes starting together store each once.
     */
    @Transactional
    public void storeShipped() {
        definitions.lockShipped();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:indexdb/*.yaml");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    store(DefinitionFiles.yaml("indexdb/" + file.getFilename(), in), true, SHIPPED_BY);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped index definitions could not be read", e);
        }
    }

    /** The latest version of every index, by code. */
    @Transactional(readOnly = true)
    public List<IndexDefinition> all() {
        return definitions.latest();
    }

    @Transactional(readOnly = true)
    public Optional<IndexDefinition> latest(String code) {
        return definitions.latest(code);
    }

    @Transactional(readOnly = true)
    public Optional<IndexDefinition> version(String code, int version) {
        return definitions.version(code, version);
    }

    @Transactional(readOnly = true)
    public List<Integer> versions(String code) {
        return definitions.versions(code);
    }

    @Transactional(readOnly = true)
    List<IndexDefinition> fedBy(String methodologyCode) {
        return definitions.fedBy(methodologyCode);
    }

    /** An uploaded YAML tree; all or nothing, every error located ({@code ImportRejectedException}). */
    @Transactional
    public IndexDefinition uploadYaml(String file, InputStream in) {
        requireDefiner();
        return store(DefinitionFiles.yaml(file, in), false, users.actorName());
    }

    /** An uploaded tree as a CSV or XLSX table; the index's code, name and aggregation from the form. */
    @Transactional
    public IndexDefinition uploadTable(String file, InputStream in, String code, String nameVi, String nameEn, String aggregation,
                                       String sourceNote) {
        requireDefiner();
        return store(DefinitionFiles.table(file, in, code, nameVi, nameEn, aggregation, sourceNote), false, users.actorName());
    }

    private void requireDefiner() {
        if (!users.current().hasAny(Role.ADMIN, Role.PROVINCE_ADMIN)) {
            throw new AccessDeniedException("an index is defined by an ADMIN or a PROVINCE_ADMIN");
        }
    }

    private IndexDefinition store(DefinitionDraft draft, boolean shipped, String by) {
        Optional<IndexDefinition> latest = definitions.latest(draft.code());
        if (latest.isPresent() && sameTree(latest.get(), draft)) {
            return latest.get();
        }
        long id;
        String action;
        if (latest.isEmpty()) {
            id = definitions.insert(draft, 1, shipped, by);
            action = "indexdb.definition.create";
        } else if (definitions.inUse(latest.get().id())) {
            id = definitions.insert(draft, latest.get().version() + 1, shipped, by);
            action = "indexdb.definition.version";
        } else {
            id = latest.get().id();
            definitions.replace(id, draft, by);
            action = "indexdb.definition.replace";
        }
        IndexDefinition stored = definitions.byId(id).orElseThrow();
        if (!shipped) {
            audit.record(action, "index_definition", Long.toString(id), latest.map(IndexDefinitions::summary).orElse(null),
                    summary(stored), draft.file());
        }
        log.info("index {} version {} stored from {} ({} nodes)", stored.code(), stored.version(), draft.file(), stored.nodes().size());
        return stored;
    }

    private static String summary(IndexDefinition d) {
        return d.code() + " v" + d.version() + ": " + d.nodes().size() + " nodes";
    }

    private static boolean sameTree(IndexDefinition stored, DefinitionDraft draft) {
        if (!Objects.equals(stored.nameVi(), draft.nameVi()) || !Objects.equals(stored.nameEn(), draft.nameEn())
                || stored.aggregation() != draft.aggregation() || !Objects.equals(stored.fedBy(), draft.fedBy())
                || !Objects.equals(stored.sourceNote(), draft.sourceNote()) || stored.nodes().size() != draft.nodes().size()) {
            return false;
        }
        for (DefinitionDraft.NodeDraft n : draft.nodes()) {
            Optional<IndexDefinition.Node> s = stored.node(n.code());
            if (s.isEmpty() || !Objects.equals(s.get().parentCode(), n.parentCode()) || !Objects.equals(s.get().nameVi(), n.nameVi())
                    || !Objects.equals(s.get().nameEn(), n.nameEn())
                    || (s.get().maxPoints() == null) != (n.maxPoints() == null)
                    || (n.maxPoints() != null && s.get().maxPoints().compareTo(n.maxPoints()) != 0)
                    || (n.ordinal() != null && s.get().ordinal() != n.ordinal())) {
                return false;
            }
        }
        return true;
    }
}
