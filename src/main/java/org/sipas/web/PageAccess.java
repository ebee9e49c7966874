package org.sipas.web;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Who may open a page, read from the page itself: the {@code @PreAuthorize} of the handler that
 * answers {@code GET} on the path (its method's, else its class's), so the navigation and the
 * refusal page say what the controller enforces and can never drift from it. A handler without one
 * is open to every signed-in staff member.
 */
@Component
public class PageAccess {

    static final String SIGNED_IN = "isAuthenticated()";

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final Map<String, Optional<String>> rules = new ConcurrentHashMap<>();
    private final Map<String, WebExpressionAuthorizationManager> checks = new ConcurrentHashMap<>();

    // the handler mapping is built with the interceptors that read this: looked up when first asked
    PageAccess(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The security rule of the page at {@code path}; empty when no controller answers GET there. */
    public Optional<String> rule(String path) {
        return rules.computeIfAbsent(path, this::findRule);
    }

    /** Whether {@code user} may open the page at {@code path} (false for a path no page answers). */
    public boolean allows(String path, Authentication user, HttpServletRequest request) {
        if (user == null || !user.isAuthenticated()) {
            return false;
        }
        return rule(path).map(rule -> checks.computeIfAbsent(rule, WebExpressionAuthorizationManager::new)
                .authorize(() -> user, new RequestAuthorizationContext(request)).isGranted()).orElse(false);
    }

    /** The roles the page's rule names (empty when any signed-in staff member may open it, or no page answers). */
    public Set<String> roles(String path) {
        Set<String> roles = new LinkedHashSet<>();
        rule(path).ifPresent(rule -> {
            Matcher role = ROLE.matcher(rule);
            while (role.find()) {
                roles.add(role.group(1));
            }
        });
        return roles;
    }

    private Optional<String> findRule(String path) {
        PathContainer parsed = PathContainer.parsePath(path);
        PathPattern best = null;
        HandlerMethod handler = null;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getObject().getHandlerMethods().entrySet()) {
            if (!answersGet(mapping.getKey()) || mapping.getKey().getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : mapping.getKey().getPathPatternsCondition().getPatterns()) {
                if (pattern.matches(parsed) && (best == null || PathPattern.SPECIFICITY_COMPARATOR.compare(pattern, best) < 0)) {
                    best = pattern;
                    handler = mapping.getValue();
                }
            }
        }
        return Optional.ofNullable(handler).map(PageAccess::ruleOf);
    }

    private static boolean answersGet(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() || methods.contains(RequestMethod.GET);
    }

    private static String ruleOf(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        return rule == null ? SIGNED_IN : rule.value();
    }
}
