package org.sipas.methodology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.sipas.methodology.MethodologyRepository.Origin;
import org.sipas.web.ImportRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Installs the methodologies shipped in {@code classpath:methodology/*.yaml} when the
 * application starts, before any runner (the demo) or request can ask for them. A shipped file
 * that breaks a rule stops the start: a release must not carry a questionnaire it cannot read.
 */
@Component
class ShippedMethodologies implements SmartInitializingSingleton {

    static final String LOCATION = "classpath*:methodology/*.yaml";

    private static final Logger log = LoggerFactory.getLogger(ShippedMethodologies.class);

    private final Methodologies methodologies;

    ShippedMethodologies(Methodologies methodologies) {
        this.methodologies = methodologies;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Resource resource : files()) {
            MethodologyFiles.Read read;
            try {
                read = MethodologyFiles.read(resource.getFilename(), resource.getContentAsByteArray(), Origin.SHIPPED,
                        methodologies.alertChannels());
            } catch (ImportRejectedException rejected) {
                throw new IllegalStateException("The shipped methodology " + resource.getFilename()
                        + " breaks its rules: " + rejected.errors(), rejected);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Methodology m = read.methodology();
            switch (methodologies.install(resource.getFilename(), read)) {
                case INSTALLED -> log.info("Methodology {} version {} installed from {}", m.code(), m.version(),
                        resource.getFilename());
                case REPLACED_DRAFT -> log.warn("Methodology {} version {}: the shipped file {} changed; the stored"
                        + " draft was replaced (no campaign used it)", m.code(), m.version(), resource.getFilename());
                case KEPT_UPLOAD -> log.warn("Methodology {} version {}: an administrator's upload replaced the"
                        + " shipped draft; it is kept and the shipped {} is not installed", m.code(), m.version(),
                        resource.getFilename());
                case UNCHANGED -> log.debug("Methodology {} version {} already installed", m.code(), m.version());
            }
        }
    }

    static Resource[] files() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
