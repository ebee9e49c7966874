package org.sipas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.identity.ApiKeys;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Who may call what, for every endpoint the application answers: the endpoints are read at test
 * time from the OpenAPI document and from every Spring MVC handler mapping (pages, the public
 * citizen, kiosk and CAPI endpoints), so a new one shows up here by itself; each needs its row in
 * {@code access-matrix.csv}. Every endpoint is called by every role, by an integration's API key
 * and anonymously, on objects inside the callers' scope (province A) and outside it (province B),
 * and the answer must be the class the row says.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixTest {

    private static final String TABLE = "access-matrix.csv";
    private static final String TABLE_PATH = "src/test/resources/" + TABLE;
    private static final String HEADER = "method,path,roles,scoped,in_scope,out_of_scope,other_roles,anonymous";
    private static final String PASSWORD = "Ma-trận-quyền-2025!";
    private static final Pattern ROLE_NAMES = Pattern.compile("'([A-Z_]+)'");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    FieldCases fieldCases;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    CurrentUsers users;
    @Autowired
    ResponseStore store;

    /** Who calls: a staff member of each role, an integration's API key, nobody. */
    private sealed interface Identity permits Staff, Key, Anonymous {
        String label();
    }

    private record Staff(Role role, String username) implements Identity {
        public String label() {
            return role.name();
        }
    }

    private record Key(String secret) implements Identity {
        public String label() {
            return "API_KEY";
        }
    }

    private record Anonymous() implements Identity {
        public String label() {
            return "ANONYMOUS";
        }
    }

    /** One row of the table: who may call an endpoint, and what each kind of caller gets. */
    record Rule(String method, String path, Set<String> roles, boolean scoped, String inScope, String outOfScope,
                String otherRoles, String anonymous, int line) {

        boolean isPublic() {
            return roles.contains("PUBLIC");
        }

        boolean allows(String role) {
            return isPublic() || roles.contains(role) || roles.contains("STAFF") && !role.equals("INTEGRATION");
        }
    }

    /** An endpoint as found: method and path (variables named, patterns dropped) and the handler behind it, if any. */
    record Endpoint(String method, String path, HandlerMethod handler, MediaType consumes, String source) {

        String key() {
            return method + " " + path;
        }
    }

    /** The objects a request names, in the callers' province (A) or the other one (B). */
    record Side(String name, InField field, String unitCode, String procedureCode, long userId, long apiKeyId,
                long kioskId, String kioskKey, long phoneCase, long memberCase, String paperNumber, String token,
                String receiptUnit, String receiptCode, long responseId, long recheckId, long feedbackCase, long webhook,
                long plan, long planTask, long planFile, long indexAssessment, long indexEvidence, long partner) {
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRuleSays() throws Exception {
        Map<String, Endpoint> endpoints = endpoints();
        Map<String, Rule> rules = rules();

        List<String> missing = endpoints.values().stream().filter(e -> !rules.containsKey(e.key()))
                .map(e -> "no rule for " + e.key() + " (" + e.source() + "): add to " + TABLE_PATH + " the row\n    "
                        + suggestedRow(e))
                .toList();
        List<String> stale = rules.values().stream().filter(r -> !endpoints.containsKey(r.method() + " " + r.path()))
                .map(r -> TABLE + " line " + r.line() + ": no endpoint answers " + r.method() + " " + r.path() + "; remove the row")
                .toList();
        assertThat(missing).as("endpoints without a rule in " + TABLE).isEmpty();
        assertThat(stale).as("rules without an endpoint").isEmpty();

        Side a = side("AMA");
        Side b = side("AMB");
        List<Identity> identities = identities(a);
        assignHeldCases(a);

        List<String> wrong = new ArrayList<>();
        Map<String, Long> took = new LinkedHashMap<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        int requests = 0;
        // reads first, then writes, and last the writes that take an object away (a revoked kiosk,
        // a closed campaign): a write may change what a later call sees, never the other way round
        List<Endpoint> ordered = endpoints.values().stream()
                .sorted(java.util.Comparator.comparingInt(AccessMatrixTest::stage)).toList();
        for (Endpoint endpoint : ordered) {
            Rule rule = rules.get(endpoint.key());
            // out of scope means something only where the row says the scope applies
            boolean twoSides = rule.scoped();
            for (Side side : twoSides ? List.of(a, b) : List.of(a)) {
                boolean inScope = side == a;
                // refused callers first: they change nothing, so the allowed ones see the objects as set up
                List<Identity> order = identities.stream()
                        .sorted((x, y) -> Boolean.compare(allowed(rule, x, endpoint), allowed(rule, y, endpoint))).toList();
                for (Identity identity : order) {
                    String expected = expected(rule, identity, endpoint, inScope);
                    long started = System.nanoTime();
                    MvcResult result = mvc.perform(request(endpoint, side, a, identity)).andReturn();
                    took.merge(endpoint.key(), (System.nanoTime() - started) / 1_000_000, Long::sum);
                    requests++;
                    String got = describe(result);
                    if (!matches(expected, result)) {
                        wrong.add(TABLE + " line " + rule.line() + ": " + endpoint.key() + " as " + identity.label() + ", "
                                + (twoSides ? (inScope ? "in scope" : "out of scope") : "no object") + ": expected "
                                + expected + ", got " + got);
                    }
                }
            }
        }
        System.out.printf("access matrix: %d endpoints x %d callers x in/out of scope = %d requests in %d ms (%d ms of CPU)%n",
                endpoints.size(), identities.size(), requests, (System.nanoTime() - wallBefore) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000);
        took.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  slowest: %s %d ms%n", e.getKey(), e.getValue()));
        assertThat(wrong).as("answers that differ from " + TABLE).isEmpty();
    }

    private static int stage(Endpoint endpoint) {
        if (endpoint.method().equals("GET")) {
            return 0;
        }
        return endpoint.path().matches(".*/(revoke|enabled|reset|close)$") ? 2 : 1;
    }

    // ---- the endpoints -------------------------------------------------------------------------

    private Map<String, Endpoint> endpoints() throws Exception {
        Map<String, Endpoint> found = new TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = e.getKey();
                Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
                if (methods.isEmpty()) {
                    methods = Set.of("GET");
                }
                MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().orElse(null);
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) {
                        Endpoint endpoint = new Endpoint(method, normal(pattern), e.getValue(), consumes,
                                e.getValue().getBeanType().getSimpleName() + "#" + e.getValue().getMethod().getName());
                        found.merge(endpoint.key(), endpoint, (first, second) -> first);
                    }
                }
            }
        }
        String openApi = mvc.perform(get("/api/v1/openapi")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Map<String, Map<String, Object>> paths = JsonPath.read(openApi, "$.paths");
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> {
            String key = method.toUpperCase() + " " + normal(path);
            found.putIfAbsent(key, new Endpoint(method.toUpperCase(), normal(path), null, null, "OpenAPI"));
        }));
        return found;
    }

    /** The path with each variable's pattern dropped ({@code {kind:units|procedures}} → {@code {kind}}). */
    private static String normal(String path) {
        return path.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
    }

    /** The row a new endpoint most likely needs, read from its {@code @PreAuthorize}: to check, not to paste blindly. */
    private static String suggestedRow(Endpoint e) {
        PreAuthorize rule = null;
        if (e.handler() != null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(e.handler().getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(e.handler().getBeanType(), PreAuthorize.class);
            }
        }
        List<String> roles = new ArrayList<>();
        if (rule != null) {
            Matcher m = ROLE_NAMES.matcher(rule.value());
            while (m.find()) {
                roles.add(m.group(1));
            }
        }
        boolean api = e.path().startsWith("/api/");
        boolean named = e.path().contains("{");
        return String.join(",", e.method(), e.path(), roles.isEmpty() ? "STAFF" : String.join(" ", roles),
                named ? "yes" : "no", "ok", named ? "403" : "ok", "403", api ? "401" : "login");
    }

    // ---- the table -----------------------------------------------------------------------------

    private Map<String, Rule> rules() throws IOException {
        Map<String, Rule> rules = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/" + TABLE), TABLE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            assertThat(header).as(TABLE + " line 1").isEqualTo(HEADER);
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] f = text.split(",", -1);
                assertThat(f).as(TABLE + " line " + line + ": 8 fields (" + HEADER + ")").hasSize(8);
                Set<String> roles = Set.of(f[2].strip().split("\\s+"));
                for (String role : roles) {
                    assertThat(role.equals("PUBLIC") || role.equals("STAFF") || Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(role)))
                            .as(TABLE + " line " + line + ": role " + role + " (a Role, STAFF for every staff role, PUBLIC)").isTrue();
                }
                for (int i = 4; i < 8; i++) {
                    for (String spec : f[i].strip().split("\\|")) {
                        assertThat(spec).as(TABLE + " line " + line + ", field " + (i + 1)).matches("ok|2xx|login|refused|\\d{3}");
                    }
                }
                assertThat(f[3].strip()).as(TABLE + " line " + line + ": scoped is yes or no").matches("yes|no");
                Rule rule = new Rule(f[0].strip(), f[1].strip(), roles, f[3].strip().equals("yes"), f[4].strip(),
                        f[5].strip(), f[6].strip(), f[7].strip(), line);
                assertThat(rule.isPublic() || rule.scoped() || !namesAnObject(rule.path()))
                        .as(TABLE + " line " + line + ": " + rule.path() + " names an object of a unit, so scoped must be yes")
                        .isTrue();
                Rule before = rules.put(rule.method() + " " + rule.path(), rule);
                assertThat(before).as(TABLE + " line " + line + " repeats line " + (before == null ? 0 : before.line())).isNull();
            }
        }
        return rules;
    }

    /** Whether a path names an object that belongs to a unit (not a methodology, a file kind or an action). */
    private static boolean namesAnObject(String path) {
        // an article belongs to the one portal and its editorial office, not to a unit (articles' package-info)
        if (path.startsWith("/articles/")) {
            return false;
        }
        return path.matches(".*\\{(id|member|number|unitCode|receiptCode|campaignId)}.*")
                // a methodology's or an index's code names no unit's object
                || path.contains("{code}") && !path.contains("/methodologies/") && !path.contains("/indices/");
    }

    // ---- who calls, and what they should get ---------------------------------------------------

    private List<Identity> identities(Side a) {
        List<Identity> identities = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role == Role.INTEGRATION) {
                continue;
            }
            String username = "am-" + role.name().toLowerCase().replace('_', '-');
            accounts.create(username, "Ma trận " + role.name(), a.field().province(), Set.of(role), PASSWORD);
            identities.add(new Staff(role, username));
        }
        String key = users.runAs(a.field().admin(), () -> apiKeys.issue("am-integration", a.field().province(),
                EnumSet.of(Role.INTEGRATION))).key();
        identities.add(new Key(key));
        identities.add(new Anonymous());
        return identities;
    }

    private static String roleOf(Identity identity) {
        if (identity instanceof Staff staff) {
            return staff.role().name();
        }
        return identity instanceof Key ? Role.INTEGRATION.name() : "ANONYMOUS";
    }

    /** An API key is a credential of the JSON API (and the actuator) only: on a page it is nobody. */
    private static boolean anonymousThere(Identity identity, Endpoint endpoint) {
        return identity instanceof Anonymous || identity instanceof Key && !endpoint.path().startsWith("/api/")
                && !endpoint.path().startsWith("/actuator");
    }

    private static boolean allowed(Rule rule, Identity identity, Endpoint endpoint) {
        return rule.isPublic() || !anonymousThere(identity, endpoint) && rule.allows(roleOf(identity));
    }

    private static String expected(Rule rule, Identity identity, Endpoint endpoint, boolean inScope) {
        if (rule.isPublic()) {
            return rule.inScope();
        }
        if (anonymousThere(identity, endpoint)) {
            return rule.anonymous();
        }
        if (!rule.allows(roleOf(identity))) {
            return rule.otherRoles();
        }
        return inScope || !rule.scoped() ? rule.inScope() : rule.outOfScope();
    }

    private static boolean matches(String expected, MvcResult result) {
        int status = result.getResponse().getStatus();
        String location = Objects.toString(result.getResponse().getRedirectedUrl(), "");
        boolean toLogin = status == 302 && location.endsWith("/login");
        for (String spec : expected.split("\\|")) {
            boolean match = switch (spec) {
                case "ok" -> status < 500 && status != 401 && status != 403 && !toLogin;
                case "login" -> toLogin;
                case "refused" -> status == 401 || status == 403 || toLogin;
                case "2xx" -> status >= 200 && status < 300;
                default -> status == Integer.parseInt(spec);
            };
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static String describe(MvcResult result) {
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getRedirectedUrl();
        String error = result.getResolvedException() == null ? "" : " (" + result.getResolvedException().getClass().getSimpleName()
                + ": " + result.getResolvedException().getMessage() + ")";
        return status + (location == null ? "" : " to " + location) + error;
    }

    // ---- the requests --------------------------------------------------------------------------

    private AbstractMockHttpServletRequestBuilder<?> request(Endpoint endpoint, Side side, Side home, Identity identity) {
        String path = fill(endpoint.path(), side);
        Map<String, String> params = new LinkedHashMap<>();
        String multipartName = null;
        boolean body = false;
        if (endpoint.handler() != null) {
            for (Parameter parameter : endpoint.handler().getMethod().getParameters()) {
                RequestParam param = parameter.getAnnotation(RequestParam.class);
                if (parameter.isAnnotationPresent(RequestBody.class)) {
                    body = true;
                }
                if (param == null || !param.required() || !param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                        || Map.class.isAssignableFrom(parameter.getType())) {
                    continue;
                }
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getName();
                if (MultipartFile.class.isAssignableFrom(parameter.getType())) {
                    multipartName = name;
                } else {
                    params.put(name, sample(name, side, home));
                }
            }
        }
        AbstractMockHttpServletRequestBuilder<?> request;
        if (multipartName != null || endpoint.consumes() != null && endpoint.consumes().includes(MediaType.MULTIPART_FORM_DATA)) {
            request = multipart(HttpMethod.valueOf(endpoint.method()), path)
                    .file(new MockMultipartFile(multipartName == null ? "file" : multipartName, "ma-tran.csv", "text/csv",
                            "code,name\n".getBytes(StandardCharsets.UTF_8)));
        } else {
            request = MockMvcRequestBuilders.request(HttpMethod.valueOf(endpoint.method()), path);
            MediaType type = endpoint.consumes();
            if (body || type != null) {
                MediaType sent = type == null || type.isWildcardType() ? MediaType.APPLICATION_JSON : type;
                request.contentType(sent).content(sent.isCompatibleWith(MediaType.APPLICATION_JSON) ? "{}" : "code,name\n");
            }
        }
        params.forEach(request::param);
        request.with(csrf());
        if (identity instanceof Staff staff) {
            return request.with(user(accounts.loadUserByUsername(staff.username())));
        }
        return identity instanceof Key key ? request.header("Authorization", "Bearer " + key.secret()) : request;
    }

    private static String fill(String path, Side side) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(value(m.group(1), path, side)));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /** The value of a path variable: an object of the side's province, chosen by the variable's name and the path. */
    private static String value(String variable, String path, Side side) {
        return switch (variable) {
            case "id" -> path.startsWith("/admin/users/") ? Long.toString(side.userId())
                    : path.startsWith("/admin/partners/") ? Long.toString(side.partner())
                    : path.startsWith("/admin/api-keys/") ? Long.toString(side.apiKeyId())
                    : path.startsWith("/admin/kiosks/") ? Long.toString(side.kioskId())
                    : path.startsWith("/cati/cases/") ? Long.toString(side.phoneCase())
                    : path.startsWith("/cases/") || path.startsWith("/api/v1/cases/") ? Long.toString(side.feedbackCase())
                    : path.contains("/webhooks/") ? Long.toString(side.webhook())
                    : path.startsWith("/plans/") || path.startsWith("/api/v1/plans/") ? Long.toString(side.plan())
                    // no such article: the matrix is about who gets in, not about an article's workflow
                    : path.startsWith("/articles/") ? "999999999"
                    : path.startsWith("/indices/evidence/") ? Long.toString(side.indexEvidence())
                    : path.startsWith("/indices/assessments/") || path.startsWith("/api/v1/indices/assessments/")
                            ? Long.toString(side.indexAssessment())
                    : Long.toString(side.field().campaignId());
            case "campaignId" -> Long.toString(side.field().campaignId());
            case "responseId" -> Long.toString(side.responseId());
            case "recheckId" -> Long.toString(side.recheckId());
            case "code" -> path.contains("/methodologies/") ? "mot-cua-2018"
                    : path.startsWith("/indices/") || path.contains("/indices/") ? "par-index-tinh"
                    : path.contains("/procedures/") ? side.procedureCode() : side.unitCode();
            case "version" -> "1";
            case "member" -> Long.toString(side.memberCase());
            // a practice case's number (1 to 5), else a paper questionnaire's
            case "number" -> path.startsWith("/training/") ? "1" : side.paperNumber();
            case "campaign" -> Long.toString(side.field().campaignId());
            case "user" -> Long.toString(side.userId());
            // no such question: the matrix is about who gets in
            case "question" -> "999999999";
            // no such hand-out batch: the campaign's scope and the roles decide before the batch is looked for
            case "batch" -> "999999999";
            case "token" -> side.token();
            case "key" -> side.kioskKey();
            case "unitCode" -> side.receiptUnit();
            case "receiptCode" -> side.receiptCode();
            case "kind" -> path.contains("/report-templates/") ? "campaign" : "units";
            case "action" -> "draw";
            case "decision" -> "approve";
            case "channel" -> "PHONE";
            case "format" -> "csv";
            case "delivery" -> "0";
            case "slug" -> "khong-co-bai-nay";
            case "taskId" -> Long.toString(side.planTask());
            case "fileId" -> Long.toString(side.planFile());
            default -> throw new AssertionError("no sample value for path variable {" + variable + "} of " + path
                    + ": add one to AccessMatrixTest.value");
        };
    }

    /** The value of a required request parameter, by its name. */
    private static String sample(String name, Side side, Side home) {
        return switch (name) {
            case "unitCode" -> side.unitCode();
            case "name", "displayName" -> "Ma trận";
            case "username" -> "am-new-" + System.nanoTime();
            case "enabled" -> "true";
            case "reason" -> "Không liên lạc được";
            case "step" -> "1";
            case "snapshot" -> "1";
            case "campaign" -> Long.toString(side.field().campaignId());
            case "frame" -> "1000";
            case "from" -> "am-interviewer";
            case "current", "replacement", "confirmation" -> "sai-mat-khau";
            case "to" -> "ACKNOWLEDGED";
            case "outcome" -> "Đã gọi lại";
            case "delivery" -> "0";
            case "month" -> "2040-01";
            case "day" -> "01/01/2040";
            case "methodology" -> "mot-cua-2018/1";
            case "code" -> "am-rule";
            case "kind" -> "NOT_SATISFIED";
            case "questions" -> "satisfaction";
            case "severity" -> "LOW";
            case "label" -> "Ma trận";
            case "url" -> "http://127.0.0.1:9/ma-tran";
            case "title", "content", "body" -> "Ma trận";
            case "unit", "lead" -> side.unitCode();
            case "year" -> "2040";
            case "template" -> "quoc-gia-hang-nam";
            case "status" -> "IN_PROGRESS";
            case "granularity" -> "MONTH";
            case "section" -> "news";
            case "language" -> "vi";
            case "start" -> "2040-01";
            case "end" -> "2040-02";
            case "index" -> "par-index-tinh";
            case "node" -> "LV1";
            case "score" -> "1";
            default -> throw new AssertionError("no sample value for request parameter " + name
                    + ": add one to AccessMatrixTest.sample");
        };
    }

    // ---- the objects ---------------------------------------------------------------------------

    private Side side(String prefix) throws Exception {
        InField field = fixtures.inField(prefix, "mot-cua-2018", 40,
                Map.of("ONLINE", 1, "PHONE", 1, "FACE_TO_FACE", 1, "PAPER", 1));
        CurrentUser admin = field.admin();
        RequestPostProcessor asAdmin = SignedIn.as(admin);
        String commune = prefix + "-C1";
        String procedure = prefix + "-T1";
        jdbc.sql("INSERT INTO procedure_unit (procedure_id, unit_id) SELECT id, :unit FROM procedure WHERE code = :code")
                .param("unit", field.commune1()).param("code", procedure).update();

        accounts.create(prefix.toLowerCase() + "-target", "Người được quản lý " + prefix, field.commune1(), Set.of(Role.ANALYST), PASSWORD);
        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", prefix.toLowerCase() + "-target")
                .query(Long.class).single();
        long keyId = users.runAs(admin, () -> apiKeys.issue(prefix + " một cửa", field.commune1(), EnumSet.of(Role.INTEGRATION))).id();

        MvcResult kiosk = mvc.perform(post("/admin/kiosks").param("name", "Quầy " + prefix).param("unitCode", commune)
                .with(asAdmin).with(csrf())).andReturn();
        String url = (String) Objects.requireNonNull(kiosk.getModelAndView()).getModel().get("issuedUrl");
        String kioskKey = url.substring(url.lastIndexOf('/') + 1);
        long kioskId = jdbc.sql("SELECT id FROM kiosk WHERE unit_id = :u ORDER BY id DESC LIMIT 1").param("u", field.commune1())
                .query(Long.class).single();

        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/blank").param("unit", Long.toString(field.commune1()))
                .param("copies", "1").with(asAdmin).with(csrf())).andReturn();
        String paper = jdbc.sql("SELECT number FROM paper_form WHERE campaign_id = :c ORDER BY serial LIMIT 1")
                .param("c", field.campaignId()).query(String.class).single();

        FieldCase online = first(field, "ONLINE", 0);
        Map<String, Object> dossier = jdbc.sql("SELECT d.receipt_code, u.code FROM dossier d JOIN unit u ON u.id = d.unit_id WHERE d.id = :d")
                .param("d", online.dossierId()).query().singleRow();
        String receiptCode = (String) dossier.get("receipt_code");
        String receiptUnit = (String) dossier.get("code");
        String json = mvc.perform(get("/api/v1/dossiers/" + receiptUnit + "/" + receiptCode + "/token").with(asAdmin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String token = JsonPath.read(json, "$.token");

        // a phone interview of the side's province, on the re-check list: the matrix's re-checker holds province A's
        FieldCase interviewed = first(field, "PHONE", 2);
        long responseId = store.store(Submission.of(ResponseChannel.CATI, "mot-cua-2018", 1, interviewed.unitId(),
                        Map.of("satisfaction", "3"), java.time.Instant.now().minusSeconds(600))
                .forCase(interviewed.campaignId(), interviewed.stratumId(), interviewed.id(), interviewed.dossierId())
                .collectedBy("am-other-interviewer")).responseId();
        long recheckId = jdbc.sql("""
                        INSERT INTO recheck (campaign_id, response_id, interviewer, why, assigned_to)
                        VALUES (:c, :r, 'am-other-interviewer', 'random', :to) RETURNING id""")
                .param("c", field.campaignId()).param("r", responseId).param("to", prefix.equals("AMA") ? "am-rechecker" : null)
                .query(Long.class).single();


        // a case of the commune (a not-satisfied rating judged by the alert rules) and a webhook endpoint of the province
        long rated = jdbc.sql("""
                        INSERT INTO response (methodology_code, methodology_version, unit_id, channel, answers, started_at)
                        VALUES ('mot-cua-2018', 1, :u, 'WEB', '{"satisfaction": "1"}', now()) RETURNING id""")
                .param("u", field.commune1()).query(Long.class).single();
        org.sipas.feedback.FeedbackOnANode.judgeOutbox(context);
        long feedbackCase = jdbc.sql("SELECT min(id) FROM feedback_case WHERE response_id = :r").param("r", rated).query(Long.class).single();
        long webhook = jdbc.sql("""
                        INSERT INTO webhook_endpoint (name, url, secret, scope_unit_id, enabled, created_by, created_at)
                        VALUES (:n, 'http://127.0.0.1:9/', 'ma-tran', :u, false, 'ma-tran', now()) RETURNING id""")
                .param("n", "Ma trận " + prefix).param("u", field.province()).query(Long.class).single();

        // a plan of the province from the yearly template, its first task and a file attached to it
        String planPage = mvc.perform(post("/plans/from-template").param("template", "quoc-gia-hang-nam").param("year", "2040")
                .param("unit", commune).with(asAdmin).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        long plan = Long.parseLong(planPage.substring(planPage.lastIndexOf('/') + 1));
        long planTask = jdbc.sql("SELECT min(id) FROM plan_task WHERE plan_id = :p").param("p", plan).query(Long.class).single();
        long planFile = jdbc.sql("""
                        INSERT INTO plan_task_file (task_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                        VALUES (:t, 'ma-tran.pdf', 'application/pdf', 8, convert_to('%PDF-1.4', 'UTF8'), 'ma-tran', now()) RETURNING id""")
                .param("t", planTask).query(Long.class).single();

        long indexAssessment = jdbc.sql("""
                        INSERT INTO index_assessment (definition_id, unit_id, year, created_by)
                        SELECT id, :u, 2039, 'ma-tran' FROM index_definition WHERE code = 'par-index-tinh' ORDER BY version DESC LIMIT 1
                        RETURNING id""")
                .param("u", field.commune1()).query(Long.class).single();
        long indexEvidence = jdbc.sql("""
                        INSERT INTO index_evidence (assessment_id, node_id, file_name, content_type, size_bytes, content, uploaded_by)
                        SELECT :a, n.id, 'ma-tran.pdf', 'application/pdf', 8, convert_to('%PDF-1.4', 'UTF8'), 'ma-tran'
                        FROM index_assessment a JOIN index_node n ON n.definition_id = a.definition_id AND n.code = 'LV1'
                        WHERE a.id = :a RETURNING id""")
                .param("a", indexAssessment).query(Long.class).single();

        // a partner organisation of the province (the post office of its commune)
        long partner = jdbc.sql("""
                        INSERT INTO partner_organisation (name, kind, home_unit_id, created_by)
                        VALUES (:n, 'POST_OFFICE', :u, 'ma-tran') RETURNING id""")
                .param("n", "Bưu điện ma trận " + prefix).param("u", field.province()).query(Long.class).single();

        return new Side(prefix, field, commune, procedure, userId, keyId, kioskId, kioskKey, first(field, "PHONE", 0).id(),
                first(field, "PHONE", 1).id(), paper, token, receiptUnit, receiptCode, responseId, recheckId,
                feedbackCase, webhook, plan, planTask, planFile, indexAssessment, indexEvidence, partner);
    }

    private static FieldCase first(InField field, String channel, int index) {
        return field.cases().stream().filter(c -> channel.equals(c.channel())).skip(index).findFirst().orElseThrow();
    }

    /** The interviewer of the matrix holds a phone case and a face-to-face case of province A. */
    private void assignHeldCases(Side a) {
        users.runAs(a.field().admin(), () -> fieldCases.assign(List.of(a.phoneCase(), first(a.field(), "FACE_TO_FACE", 0).id()),
                "am-interviewer"));
    }
}
