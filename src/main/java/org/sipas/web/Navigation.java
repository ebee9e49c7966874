package org.sipas.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The staff navigation: the site's pages grouped by the work (Danh mục · Khảo sát · Thu thập ·
 * Kết quả · Quản trị), each link shown only to those its page lets in ({@link PageAccess}), the
 * page being read marked as current. A group none of whose pages the user may open is not shown.
 */
@Component
public class Navigation {

    /** One link of the navigation: a page's path and the message key of its name. */
    record Page(String path, String labelKey) {
    }

    /** A group of pages under one heading. */
    record Group(String labelKey, List<Page> pages) {
    }

    /** What the layout draws for one request: only what the user may open. */
    public record Menu(List<Link> top, List<Heading> groups) {
        public boolean isEmpty() {
            return top.isEmpty() && groups.isEmpty();
        }
    }

    public record Heading(String labelKey, List<Link> links, boolean current) {
    }

    public record Link(String path, String labelKey, boolean current) {
    }

    static final List<Page> TOP = List.of(new Page("/", "nav.home"), new Page("/inbox", "nav.inbox"), new Page("/portal", "nav.portal"));

    static final List<Group> GROUPS = List.of(
            new Group("nav.group.catalog", List.of(
                    new Page("/units", "nav.units"),
                    new Page("/procedures", "nav.procedures"),
                    new Page("/officials", "nav.officials"),
                    new Page("/dossiers", "nav.dossiers"))),
            new Group("nav.group.surveys", List.of(
                    new Page("/methodologies", "nav.methodologies"),
                    new Page("/campaigns", "nav.campaigns"),
                    new Page("/open-surveys", "nav.openSurveys"),
                    new Page("/plans", "nav.plans"),
                    new Page("/plans/due", "nav.plansDue"),
                    new Page("/plans/index-use", "nav.indexUse"))),
            new Group("nav.group.collection", List.of(
                    new Page("/cati", "nav.cati"),
                    new Page("/capi", "nav.capi"),
                    new Page("/paper/entry", "nav.paperEntry"),
                    new Page("/training", "nav.training"),
                    new Page("/partner/cases", "nav.partnerCases"),
                    new Page("/cati/supervision", "nav.catiSupervision"),
                    new Page("/fieldwork/face-to-face", "nav.capiAssign"),
                    new Page("/paper/differences", "nav.paperDifferences"),
                    new Page("/rechecks", "nav.rechecks"))),
            new Group("nav.group.results", List.of(
                    new Page("/dashboards", "nav.dashboards"),
                    new Page("/analysis", "nav.analysis"),
                    new Page("/indices", "nav.indices"),
                    new Page("/indices/assessments", "nav.indexAssessments"),
                    new Page("/cases", "nav.cases"),
                    new Page("/articles", "nav.articles"))),
            new Group("nav.group.admin", List.of(
                    new Page("/admin/users", "nav.users"),
                    new Page("/admin/partners", "nav.partners"),
                    new Page("/admin/api-keys", "nav.apiKeys"),
                    new Page("/admin/kiosks", "nav.kiosks"),
                    new Page("/feedback/rules", "nav.feedbackRules"),
                    new Page("/feedback/webhooks", "nav.webhooks"),
                    new Page("/feedback/consent", "nav.consent"),
                    new Page("/admin/report-templates", "reports.templates.title"),
                    new Page("/admin/map", "nav.portalMap"),
                    new Page("/admin/retention", "nav.retention"),
                    new Page("/admin/audit", "nav.audit"))));

    private final PageAccess access;

    Navigation(PageAccess access) {
        this.access = access;
    }

    /** Every page the navigation links to, for the start-up check and the tests. */
    static List<Page> pages() {
        List<Page> pages = new ArrayList<>(TOP);
        GROUPS.forEach(group -> pages.addAll(group.pages()));
        return pages;
    }

    /** The menu of {@code user} on the page at {@code request}'s path. */
    public Menu menu(Authentication user, HttpServletRequest request) {
        String here = request.getRequestURI().substring(request.getContextPath().length());
        String current = currentPath(here);
        List<Link> top = TOP.stream().filter(p -> access.allows(p.path(), user, request))
                .map(p -> new Link(p.path(), p.labelKey(), p.path().equals(current))).toList();
        List<Heading> groups = new ArrayList<>();
        for (Group group : GROUPS) {
            List<Link> links = group.pages().stream().filter(p -> access.allows(p.path(), user, request))
                    .map(p -> new Link(p.path(), p.labelKey(), p.path().equals(current))).toList();
            if (!links.isEmpty()) {
                groups.add(new Heading(group.labelKey(), links, links.stream().anyMatch(Link::current)));
            }
        }
        return new Menu(top, groups);
    }

    /** The navigation's page the path belongs to: the longest whose path it starts with ("/" only for itself). */
    static String currentPath(String here) {
        String best = null;
        for (Page page : pages()) {
            String path = page.path();
            boolean within = path.equals("/") ? here.equals("/")
                    : here.equals(path) || here.startsWith(path.endsWith("/") ? path : path + "/");
            if (within && (best == null || path.length() > best.length())) {
                best = path;
            }
        }
        return best;
    }
}
