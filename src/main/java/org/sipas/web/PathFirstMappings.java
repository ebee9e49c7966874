package org.sipas.web;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, passing over the mappings whose paths start with another word. A
 * path with a variable in it (a survey token, a campaign id) matches no mapping directly, so Spring
 * asks every one of the application's mappings whether it fits, each time about the method, the
 * CORS preflight, the body's type and the accepted types (each a walk down the request's wrappers to
 * the headers) and the path. That lookup took a fifth of the server's time per survey response
 * (ResponseBenchmark, JFR). Nearly every mapping is ruled out by the first segment of its path
 * alone ({@code /s/…} against {@code /campaigns/…}), so those are passed over; the others are asked
 * as Spring asks them. A path whose first segment is not plain text passes over nothing.
 * <p>
 * Off ({@code sipas.web.path-first-lookup=false}), every mapping is asked, as Spring MVC asks them.
 * The switch can be turned while the server runs so that ResponseBenchmark can measure both ways
 * in one run, on the same server and the same database ({@code bench.variants}).
 * PathFirstMappingsResolveAsSpringTest pins the lookup to Spring's for every mapping.
 */
class PathFirstMappings extends RequestMappingHandlerMapping {

    /** Any first segment: the mapping has a pattern that starts with a variable or a wildcard, or has no patterns. */
    private static final Set<String> ANY = Set.of();

    private static final ThreadLocal<String> FIRST_SEGMENT = new ThreadLocal<>();

    /** By identity: RequestMappingInfo's own equals compares every condition. Read-only once built. */
    private volatile Map<RequestMappingInfo, Set<String>> firstSegments = Map.of();

    private volatile boolean passingOver;

    PathFirstMappings(boolean passingOver) {
        this.passingOver = passingOver;
    }

    /** On: mappings whose first segment differs are passed over; off: every mapping is asked. */
    void passOver(boolean on) {
        passingOver = on;
    }

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        Map<RequestMappingInfo, Set<String>> segments = new IdentityHashMap<>();
        getHandlerMethods().keySet().forEach(info -> segments.put(info, literalFirstSegments(info)));
        firstSegments = segments;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (!passingOver) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        FIRST_SEGMENT.set(firstSegment(lookupPath));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            FIRST_SEGMENT.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        // off, not even the thread-local is read: the lookup then costs what Spring's own costs
        String segment = passingOver ? FIRST_SEGMENT.get() : null;
        if (segment != null) {
            // a mapping registered after start-up is not in the map: asked in full
            Set<String> possible = firstSegments.getOrDefault(info, ANY);
            if (possible != ANY && !possible.contains(segment)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /** The first segment of a request's path, or null when it holds anything a pattern might read otherwise. */
    static String firstSegment(String lookupPath) {
        if (lookupPath == null || !lookupPath.startsWith("/")) {
            return null;
        }
        int end = lookupPath.indexOf('/', 1);
        String segment = end < 0 ? lookupPath.substring(1) : lookupPath.substring(1, end);
        return segment.isEmpty() || segment.indexOf(';') >= 0 || segment.indexOf('%') >= 0 ? null : segment;
    }

    /** The plain first segments a mapping's patterns start with, or {@link #ANY}. */
    static Set<String> literalFirstSegments(RequestMappingInfo info) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths == null || paths.getPatterns().isEmpty()) {
            return ANY;
        }
        Set<String> segments = paths.getPatterns().stream().map(PathPattern::getPatternString)
                .map(PathFirstMappings::literalFirstSegment).collect(Collectors.toSet());
        return segments.contains(null) ? ANY : Set.copyOf(segments);
    }

    private static String literalFirstSegment(String pattern) {
        String segment = firstSegment(pattern);
        return segment == null || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0
                ? null : segment;
    }
}
