package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.MediaTypeExpression;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * {@link PathFirstMappings} stands in for Spring MVC's own handler lookup, so every mapping of the
 * application must resolve as a stock {@link RequestMappingHandlerMapping} over the same controllers
 * resolves it. Requests are made from every registered mapping, none picked by hand: each pattern's
 * path with its variables filled (every value a pattern's alternatives allow), each method it
 * accepts, each body type it consumes and type it produces, its parameters and headers; and near
 * misses: the methods it does not accept, another body or accepted type, each parameter or header
 * condition broken, a value its pattern refuses, a trailing slash, a segment more or less, a doubled
 * first slash, the first segment in capitals, percent-encoded or with a matrix variable, and a CORS
 * preflight. Paths that several patterns match (a literal beside a variable) are among them, where the
 * more specific must win. Both lookups must give the same handler method, pattern and variables, or
 * the same refusal, or no handler.
 */
@SpringBootTest
class PathFirstMappingsResolveAsSpringTest {

    /** Methods a mapping without any is asked with, and the ones a near miss picks from. */
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Body types every mapping is asked with, beside its own: none, the common ones, one nobody takes and one that does not parse. */
    private static final List<String> BODIES = Arrays.asList(null, "application/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "text/plain", "application/x-sipas-nobody", "not a type");
    /** Accepted types every mapping is asked with, beside its own: none, a browser's, an API client's, one nobody produces, one that does not parse. */
    private static final List<String> ACCEPTS = Arrays.asList(null, "*/*",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json", "application/problem+json",
            "text/csv", "image/x-sipas-nothing", "not a type");
    /** What a plain variable is filled with (a number, as most are ids, and a word), and what a variable with a pattern may be. */
    private static final List<String> PLAIN_VALUES = List.of("7", "abc");
    private static final List<String> SAMPLES = List.of("7", "12", "2025", "x", "abc", "vi");
    private static final String REFUSED_VALUE = "zzz-refused";
    private static final Pattern ALTERNATIVES = Pattern.compile("[\\w-]+(\\|[\\w-]+)*");

    @Autowired
    WebApplicationContext context;

    @Test
    void everyMappingOfTheApplicationResolvesAsStockSpringMvcResolvesIt() throws Exception {
        RequestMappingHandlerMapping ours = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        assertThat(ours).isInstanceOf(PathFirstMappings.class);
        RequestMappingHandlerMapping stock = stockBeside(ours);
        Map<RequestMappingInfo, HandlerMethod> mappings = ours.getHandlerMethods();
        assertThat(stock.getHandlerMethods()).isEqualTo(mappings);
        assertThat(mappings.values().stream().map(HandlerMethod::getBeanType).distinct().count()).isGreaterThan(80);

        Map<String, PathPattern> patterns = new TreeMap<>();
        mappings.keySet().forEach(info -> info.getPathPatternsCondition().getPatterns().forEach(p -> patterns.put(p.getPatternString(), p)));
        Set<Probe> probes = new LinkedHashSet<>();
        mappings.keySet().stream().sorted(Comparator.comparing(RequestMappingInfo::toString)).forEach(info -> probes.addAll(probes(info)));

        List<String> differences = new ArrayList<>();
        Set<HandlerMethod> reached = new HashSet<>();
        Set<String> resolvedPaths = new HashSet<>();
        for (Probe probe : probes) {
            MockHttpServletRequest stockRequest = probe.request(context);
            String expected = resolve(stock, stockRequest);
            String actual = resolve(ours, probe.request(context));
            if (!actual.equals(expected)) {
                differences.add(probe + "\n    PathFirstMappings: " + actual + "\n    Spring MVC:        " + expected);
            }
            if (stockRequest.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod method) {
                reached.add(method);
                resolvedPaths.add(probe.path());
            }
        }
        assertThat(differences.size()).as("requests of %d from %d mappings that resolve otherwise than in Spring MVC; the first:%n%s",
                probes.size(), mappings.size(), differences.stream().limit(20).collect(Collectors.joining("\n"))).isZero();
        assertThat(mappings.values().stream().filter(m -> !reached.contains(m)).map(HandlerMethod::toString).toList())
                .as("mappings that no request reached").isEmpty();
        // the more specific pattern must win where several match: the lookups agreed on all of these
        List<String> overlaps = resolvedPaths.stream().filter(path -> patterns.values().stream()
                .filter(p -> p.matches(PathContainer.parsePath(path))).limit(2).count() > 1).toList();
        assertThat(overlaps).as("resolved paths that several patterns match").hasSizeGreaterThan(10);
    }

    /**
     * A stock mapping over the same controllers, configured as the application's was (Boot configures
     * the one {@code WebMvcRegistrations} gives it as it would have configured its own).
     */
    private RequestMappingHandlerMapping stockBeside(RequestMappingHandlerMapping ours) {
        RequestMappingHandlerMapping stock = new RequestMappingHandlerMapping();
        stock.setOrder(ours.getOrder());
        stock.setPatternParser(ours.getPatternParser());
        stock.setUrlPathHelper(ours.getUrlPathHelper());
        stock.setPathMatcher(ours.getPathMatcher());
        stock.setContentNegotiationManager(ours.getContentNegotiationManager());
        stock.setApiVersionStrategy(ours.getApiVersionStrategy());
        stock.setPathPrefixes(ours.getPathPrefixes());
        if (ours.getCorsConfigurationSource() != null) {
            stock.setCorsConfigurationSource(ours.getCorsConfigurationSource());
        }
        stock.setCorsProcessor(ours.getCorsProcessor());
        stock.setEmbeddedValueResolver(new EmbeddedValueResolver(((ConfigurableApplicationContext) context).getBeanFactory()));
        stock.setApplicationContext(context);
        stock.afterPropertiesSet();
        return stock;
    }

    /** One request: its method, path, parameters, headers and body type (null: no body). */
    private record Probe(String method, String path, Map<String, String> parameters, Map<String, String> headers, String body) {

        Probe with(String newMethod, String newPath, String newBody) {
            return new Probe(newMethod, newPath, parameters, headers, newBody);
        }

        Probe withParameters(Map<String, String> newParameters) {
            return new Probe(method, path, newParameters, headers, body);
        }

        Probe withHeaders(Map<String, String> newHeaders) {
            return new Probe(method, path, parameters, newHeaders, body);
        }

        Probe withHeader(String name, String value) {
            Map<String, String> changed = new TreeMap<>(headers);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            return withHeaders(changed);
        }

        MockHttpServletRequest request(WebApplicationContext context) {
            MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), method, path);
            parameters.forEach(request::setParameter);
            if (!parameters.isEmpty()) {
                request.setQueryString(parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("&")));
            }
            headers.forEach(request::addHeader);
            if (body != null) {
                request.setContentType(body);
                request.setContent("x".getBytes(StandardCharsets.UTF_8));
                request.addHeader(HttpHeaders.CONTENT_LENGTH, "1");
            }
            ServletRequestPathUtils.parseAndCache(request);
            return request;
        }

        @Override
        public String toString() {
            return method + " " + path + (parameters.isEmpty() ? "" : " ?" + parameters) + (headers.isEmpty() ? "" : " " + headers)
                    + (body == null ? "" : " body " + body);
        }
    }

    /** The requests made from one mapping: the one that fits it in every condition, and each changed in one way. */
    private static List<Probe> probes(RequestMappingInfo info) {
        assertThat(info.getPathPatternsCondition()).as("%s is matched by path patterns", info).isNotNull();
        List<String> paths = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
            List<String> filled = filled(pattern.getPatternString(), false);
            for (String path : filled) {
                // an empty pattern (a controller without a path) is Spring's own case, not a path to match
                assertThat(pattern.getPatternString().isEmpty() || pattern.matches(PathContainer.parsePath(path)))
                        .as("%s fills %s", path, pattern).isTrue();
            }
            paths.addAll(filled);
            refused.addAll(filled(pattern.getPatternString(), true));
        }
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        String method = declared.isEmpty() ? "GET" : declared.iterator().next().name();
        List<String> consumed = info.getConsumesCondition().getExpressions().stream().filter(e -> !e.isNegated())
                .map(e -> concrete(e.getMediaType())).toList();
        List<String> produced = info.getProducesCondition().getExpressions().stream().filter(e -> !e.isNegated())
                .map(e -> concrete(e.getMediaType())).toList();
        Map<String, String> parameters = fitting(info.getParamsCondition().getExpressions());
        Map<String, String> headers = new TreeMap<>(fitting(info.getHeadersCondition().getExpressions()));
        if (!produced.isEmpty()) {
            headers.put(HttpHeaders.ACCEPT, produced.get(0));
        }
        Probe fits = new Probe(method, paths.get(0), parameters, headers, consumed.isEmpty() ? null : consumed.get(0));

        List<Probe> probes = new ArrayList<>();
        paths.forEach(path -> probes.add(fits.with(method, path, fits.body())));
        refused.forEach(path -> probes.add(fits.with(method, path, fits.body())));
        for (String other : METHODS) {
            probes.add(fits.with(other, fits.path(), fits.body()));
        }
        declared.forEach(m -> probes.add(fits.with(m.name(), fits.path(), fits.body())));
        probes.add(fits.with("OPTIONS", fits.path(), null).withHeader(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .withHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method));
        List<String> bodies = new ArrayList<>(BODIES);
        bodies.addAll(consumed);
        info.getConsumesCondition().getExpressions().stream().filter(MediaTypeExpression::isNegated)
                .forEach(e -> bodies.add(concrete(e.getMediaType())));
        bodies.forEach(body -> probes.add(fits.with(method, fits.path(), body)));
        List<String> accepts = new ArrayList<>(ACCEPTS);
        accepts.addAll(produced);
        info.getProducesCondition().getExpressions().stream().filter(MediaTypeExpression::isNegated)
                .forEach(e -> accepts.add(concrete(e.getMediaType())));
        accepts.forEach(accept -> probes.add(fits.withHeader(HttpHeaders.ACCEPT, accept)));
        for (NameValueExpression<String> parameter : info.getParamsCondition().getExpressions()) {
            probes.add(fits.withParameters(broken(parameters, parameter)));
        }
        for (NameValueExpression<String> header : info.getHeadersCondition().getExpressions()) {
            probes.add(fits.withHeaders(new TreeMap<>(broken(headers, header))));
        }
        nearMisses(fits.path()).forEach(path -> probes.add(fits.with(method, path, fits.body())));
        return probes;
    }

    /** The path one segment longer or shorter, with a trailing or a doubled first slash, and its first segment changed in form only. */
    private static List<String> nearMisses(String path) {
        List<String> misses = new ArrayList<>(List.of("/zzz-no-such-page", path + "/zzz-unknown", "/" + path));
        if (!path.endsWith("/")) {
            misses.add(path + "/");
        }
        int last = path.lastIndexOf('/');
        if (last > 0) {
            misses.add(path.substring(0, last));
        }
        int end = path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1);
        String first = path.substring(1, end);
        String rest = path.substring(end);
        if (!first.isEmpty()) {
            misses.add("/" + first.toUpperCase(Locale.ROOT) + rest);
            misses.add("/" + "%%%02X".formatted((int) first.charAt(0)) + first.substring(1) + rest);
            misses.add("/" + first + ";v=1" + rest);
        }
        return misses;
    }

    /**
     * Concrete paths of a pattern: every variable filled with its first value, then each variable in
     * turn with each other value it takes (every alternative of its own pattern); with
     * {@code refusing}, instead, each variable with a pattern in turn with a value it refuses.
     */
    private static List<String> filled(String pattern, boolean refusing) {
        List<Object> parts = parts(pattern);
        List<List<String>> values = new ArrayList<>();
        for (Object part : parts) {
            values.add(part instanceof Variable variable ? variable.values(pattern) : List.of((String) part));
        }
        String base = join(values, -1, null);
        if (!refusing) {
            List<String> paths = new ArrayList<>(List.of(base));
            for (int i = 0; i < values.size(); i++) {
                for (String other : values.get(i).subList(1, values.get(i).size())) {
                    paths.add(join(values, i, other));
                }
            }
            return paths;
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Variable variable && variable.regex() != null
                    && !Pattern.matches(variable.regex(), REFUSED_VALUE)) {
                paths.add(join(values, i, REFUSED_VALUE));
            }
        }
        return paths;
    }

    private static String join(List<List<String>> values, int changed, String value) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            path.append(i == changed ? value : values.get(i).get(0));
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** A part of a pattern that a request fills: a variable ({@code regex} null when plain), a capture of the rest, or a wildcard. */
    private record Variable(String name, String regex, boolean rest) {

        List<String> values(String pattern) {
            if (rest) {
                return List.of("a/b");
            }
            if (regex == null) {
                return name.equals("?") || name.equals("*") ? List.of("x") : PLAIN_VALUES;
            }
            List<String> candidates = ALTERNATIVES.matcher(regex).matches() ? List.of(regex.split("\\|")) : SAMPLES;
            List<String> allowed = candidates.stream().filter(v -> Pattern.matches(regex, v)).toList();
            assertThat(allowed).as("a sample value for {%s:%s} in %s (add one to SAMPLES)", name, regex, pattern).isNotEmpty();
            return allowed;
        }
    }

    /** Literal text (a String) and {@link Variable}s, in order; a regular expression may hold braces of its own. */
    private static List<Object> parts(String pattern) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            Variable variable = null;
            if (c == '{') {
                int depth = 1;
                int end = i + 1;
                while (depth > 0) {
                    depth += pattern.charAt(end) == '{' ? 1 : pattern.charAt(end) == '}' ? -1 : 0;
                    end++;
                }
                String inside = pattern.substring(i + 1, end - 1);
                int colon = inside.indexOf(':');
                variable = inside.startsWith("*") ? new Variable(inside.substring(1), null, true)
                        : colon < 0 ? new Variable(inside, null, false) : new Variable(inside.substring(0, colon), inside.substring(colon + 1), false);
                i = end - 1;
            } else if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                variable = new Variable("**", null, true);
                i++;
            } else if (c == '*' || c == '?') {
                variable = new Variable(String.valueOf(c), null, false);
            }
            if (variable == null) {
                literal.append(c);
            } else {
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(variable);
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return parts;
    }

    /** A type a request can send for a type a mapping names, perhaps with a wildcard. */
    private static String concrete(MediaType type) {
        String main = type.isWildcardType() ? "application" : type.getType();
        String sub = type.isWildcardSubtype() ? ("multipart".equals(main) ? "form-data" : "octet-stream") : type.getSubtype();
        return main + "/" + sub;
    }

    /** Parameters or headers that meet every condition. */
    private static Map<String, String> fitting(Collection<NameValueExpression<String>> expressions) {
        Map<String, String> values = new TreeMap<>();
        for (NameValueExpression<String> expression : expressions) {
            if (!expression.isNegated()) {
                values.put(expression.getName(), expression.getValue() == null ? "1" : expression.getValue());
            }
        }
        return values;
    }

    /** The fitting parameters or headers with one condition broken. */
    private static Map<String, String> broken(Map<String, String> fitting, NameValueExpression<String> expression) {
        Map<String, String> values = new LinkedHashMap<>(fitting);
        if (!expression.isNegated()) {
            values.remove(expression.getName());
        } else {
            values.put(expression.getName(), expression.getValue() == null ? "1" : expression.getValue());
        }
        return values;
    }

    /**
     * What a lookup gave: the handler (a method, with its bean), or the refusal, or none; and what it
     * left on the request for the rest of Spring MVC (the best match, its pattern, the variables).
     */
    private static String resolve(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) throws Exception {
        String outcome;
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            outcome = chain == null ? "no handler" : describe(chain.getHandler());
        } catch (HttpRequestMethodNotSupportedException e) {
            outcome = "405 " + e.getMethod() + ", allowed " + new TreeSet<>(Arrays.asList(e.getSupportedMethods()));
        } catch (HttpMediaTypeNotSupportedException e) {
            outcome = "415 " + e.getContentType() + ", supported " + sorted(e.getSupportedMediaTypes());
        } catch (HttpMediaTypeNotAcceptableException e) {
            outcome = "406, supported " + sorted(e.getSupportedMediaTypes());
        } catch (UnsatisfiedServletRequestParameterException e) {
            outcome = "400 " + e.getParamConditionGroups().stream().map(Arrays::toString).sorted().toList();
        } catch (Exception e) {
            outcome = e.getClass().getName() + ": " + e.getMessage();
        }
        Map<String, String> left = new TreeMap<>();
        for (String name : Collections.list(request.getAttributeNames())) {
            if (name.startsWith(HandlerMapping.class.getName())) {
                Object value = request.getAttribute(name);
                left.put(name.substring(HandlerMapping.class.getName().length() + 1), value instanceof HandlerMethod method
                        ? describe(method) : value instanceof Collection<?> types ? sorted(types).toString() : String.valueOf(value));
            }
        }
        return outcome + " " + left;
    }

    private static String describe(Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            // a preflight's handler is made for the request: its kind is what counts
            return handler.getClass().getName().contains("PreFlight") ? "CORS preflight" : String.valueOf(handler);
        }
        Object bean = method.getBean();
        if (bean.getClass().getSimpleName().equals("HttpOptionsHandler")) {
            // a new one for each request: what it answers is what counts
            Method handle = method.getMethod();
            ReflectionUtils.makeAccessible(handle);
            HttpHeaders headers = (HttpHeaders) handle.invoke(bean);
            Map<String, Set<String>> answered = new TreeMap<>();
            headers.forEach((name, values) -> answered.put(name, values.stream()
                    .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).collect(Collectors.toCollection(TreeSet::new))));
            return "OPTIONS answered " + answered;
        }
        return method + (bean instanceof String name ? " of bean " + name : " on bean @" + System.identityHashCode(bean));
    }

    private static List<String> sorted(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }
}
