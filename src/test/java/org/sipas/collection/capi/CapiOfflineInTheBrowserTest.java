package org.sipas.collection.capi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.collection.InTheBrowser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.methodology.ChoiceList;
import org.sipas.methodology.Expression;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.sipas.methodology.Section;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CAPI app in Debian's Chromium: an interviewer logs in, downloads the cases, loses the
 * network, reopens the app and fills an interview, then syncs when the network is back; the
 * server has the interview once, even when the device sends it again. The browser reaches the
 * application through a {@link CuttableLink}, so "offline" cuts the service worker off too.
 */
class CapiOfflineInTheBrowserTest extends InTheBrowser {

    private static final String PASSWORD = "mat-khau-dai-du-capiw";

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    FieldCases fieldCases;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    CuttableLink network;
    InField field;
    List<FieldCase> mine;

    @BeforeAll
    void interviewerInTheField() throws IOException {
        network = new CuttableLink(port);
        field = fixtures.inField("CAPIW", "mot-cua-2018", 10, Map.of("FACE_TO_FACE", 1));
        mine = field.cases().subList(0, 2);
        users.runAs(field.admin(), () -> {
            // created with a password of its own: no change is forced at the first login
            accounts.create("dtv-capiw", "Điều tra viên CPW", field.province(), Set.of(Role.INTERVIEWER), PASSWORD);
            return fieldCases.assign(mine.stream().map(FieldCase::id).toList(), "dtv-capiw");
        });
        signIn("dtv-capiw", PASSWORD);
    }

    @AfterAll
    void cutTheLink() throws IOException {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void anInterviewFilledWithTheNetworkCutIsSyncedOnceOnlineAndStoredOnce() {
        long visited = mine.get(0).id();
        browser.get(url("/capi/"));
        awaitApp();
        wait.until(d -> d.findElements(By.cssSelector("li[data-case]")).size() == 2);
        // the service worker has taken the page over and kept the shell
        wait.until(d -> Boolean.TRUE.equals(js("return !!navigator.serviceWorker.controller")));
        wait.until(d -> Boolean.TRUE.equals(async("caches.match('/capi/').then(r => done(!!r))")));

        offline(true);
        assertThat(async("fetch('/capi/api/session').then(() => done('reached'), () => done('unreachable'))"))
                .as("the network is cut for the page").isEqualTo("unreachable");
        assertThat(reachable()).as("the network is cut for anyone, the service worker too").isFalse();
        browser.navigate().refresh();
        awaitApp();
        assertThat(browser.findElement(By.id("network")).getText()).isEqualTo("Không có mạng");
        assertThat(browser.findElements(By.cssSelector("li[data-case]"))).hasSize(2);

        browser.findElement(By.cssSelector("li[data-case='" + visited + "'] button.interview")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-satisfaction")));
        assertThat(browser.findElement(By.id("q-reasons")).isDisplayed()).as("asked only when not satisfied").isFalse();
        browser.findElement(By.id("save")).click();
        assertThat(browser.findElement(By.id("e-satisfaction")).getText()).isEqualTo("Vui lòng trả lời câu hỏi này.");

        browser.findElement(By.cssSelector("label[for='a-satisfaction-1']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-reasons")));
        browser.findElement(By.cssSelector("label[for='a-reasons-thai_do']")).click();
        browser.findElement(By.id("a-reason_text")).sendKeys("Phải chờ hai tiếng");
        browser.findElement(By.id("save")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queued li")).size() == 1);
        assertThat(browser.findElement(By.id("sync")).getText()).isEqualTo("Đồng bộ (1)");
        assertThat(browser.findElement(By.cssSelector("li[data-case='" + visited + "']")).getText()).contains("Đã phỏng vấn, chờ gửi");
        assertThat(responsesOf(visited)).as("nothing reaches the server offline").isZero();

        offline(false);
        browser.findElement(By.id("sync")).click();
        wait.until(d -> d.findElements(By.cssSelector("#queued li")).isEmpty() && d.findElements(By.cssSelector("#sent li")).size() == 1);
        assertThat(responsesOf(visited)).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("""
                        SELECT channel, collected_by, sampled, answers::text AS answers, started_at < finished_at AS ordered
                        FROM response WHERE sample_member_id = :c""").param("c", visited).query().singleRow();
        assertThat(row).containsEntry("channel", "CAPI").containsEntry("collected_by", "dtv-capiw")
                .containsEntry("sampled", true).containsEntry("ordered", true);
        assertThat((String) row.get("answers")).contains("\"satisfaction\": \"1\"", "\"reasons\": \"thai_do\"", "Phải chờ hai tiếng");

        // the answer to the sync was lost: the device still holds the interview and sends it again
        async("import('/capi/store.js').then(s => s.sent().then(items => s.enqueue(items[0]))).then(() => done(true))");
        browser.findElement(By.id("sync")).click();
        wait.until(d -> Boolean.FALSE.equals(async(
                "import('/capi/store.js').then(s => s.outbox().then(o => o.length ? done(true) : s.sent().then(i => done(i[0].answer.created))))")));
        assertThat(responsesOf(visited)).as("the same key stores once").isEqualTo(1);
    }

    @Test
    void theDevicesSkipLogicReadsExpressionsAsTheServerDoes() {
        browser.get(url("/capi/"));
        awaitApp();
        Map<String, String> answers = Map.of("q1", "2", "q2", "5", "channels", "phone web", "note", "", "kind", "enterprise",
                "age", "042", "text", "Hà Nội", "neg", "-3", "dec", "2.50");
        List<String> expressions = List.of("${q1} <= 2", "${q2} <= 2", "${q1} <= 2 or ${q2} <= 2", "${q1} <= 2 and ${q2} <= 2",
                "not(${q2} = 5)", "${q2} > 10", "${q2} = '5'", "${kind} = 'enterprise'", "${kind} != 'citizen'",
                "${q1} * 2 + 1 = 5 and 7 mod 4 = 3 and 9 div 3 = 3 and -${q1} = -2", "${note} = ''", "${missing} = ''",
                "${note} < 3", "${note} >= 3", "selected(${channels}, 'web')", "selected(${channels}, 'post')",
                "count-selected(${channels}) = 2", "count-selected(${note}) = 0", "${age} = 42", "${age} = '42'",
                "${dec} = 2.5", "${neg} < -2", "${kind} > 'citizen'", "${kind} < ${text}", "string-length(${text}) = 6",
                "regex(${age}, '0[0-9]+')", "regex(${text}, 'H.*i')", "if(${q1} = 2, 'a', 'b') = 'a'",
                "if(${q1} = 3, 1, 0)", "${q1} div 0 > 1000", "true() and not(false())", "${q1} = true()",
                "${note} = false()", "${q1} + ${note} = ${q1}", "(${q1} = 2 or ${q2} = 2) and ${kind} != ''",
                "${channels} = 'phone web'", ". >= 15 and . <= 120", "string-length(.) <= 5", "regex(., '0[0-9]{9}')", ". = ''",
                "concat(${kind}, '-', ${q1}) = 'enterprise-2'", "coalesce(${note}, ${kind}) = 'enterprise'",
                "coalesce(${q1}, 7) = 2", "int(${dec}) = 2", "int(${neg} div 2) = -1", "round(${dec}) = 3",
                "round(2.449, 1) = 2.4", "string-length(today()) = 10");
        List<String> currents = List.of("", "42", "7", "0912345678", "Hà Nội");
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String expression : expressions) {
            for (String current : expression.contains(".") && !expression.contains("${") ? currents : List.of("")) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("expression", expression);
                c.put("current", current);
                c.put("server", Expression.parse(expression).test(answers::get, current));
                cases.add(c);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> disagreements = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const [cases, answers, done] = arguments;
                import('/capi/expression.js').then(x => done(cases
                    .filter(c => x.parse(c.expression).test(answers, c.current) !== c.server)
                    .map(c => c.expression + ' with . = "' + c.current + '": the server says ' + c.server)));""",
                cases, answers);
        assertThat(cases).hasSizeGreaterThan(45);
        assertThat(disagreements).isEmpty();
    }

    /** A {@code calculate}'s value: the device computes what the server stores (numbers, texts, truths, "NaN" over blanks). */
    @Test
    void theDeviceComputesACalculationAsTheServerDoes() {
        browser.get(url("/capi/"));
        awaitApp();
        Map<String, String> answers = Map.of("a", "4", "b", "3", "dec", "2.50", "kind", "enterprise", "blank", "");
        List<String> calculations = List.of("${a} + ${b}", "${a} div ${b}", "${a} * ${dec}", "${a} + ${blank}",
                "concat(${kind}, '-', ${a})", "if(${a} > ${b}, 'lon', 'nho')", "coalesce(${blank}, ${kind})",
                "${a} > 5", "round(${a} div ${b}, 2)", "int(${dec})", "count-selected('x y z')", "-${b}", "2+2");
        Map<String, String> server = new LinkedHashMap<>();
        calculations.forEach(c -> server.put(c, Expression.parse(c).value(name -> answers.getOrDefault(name, ""))));
        @SuppressWarnings("unchecked")
        List<String> disagreements = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const [server, answers, done] = arguments;
                import('/capi/expression.js').then(x => done(Object.entries(server)
                    .filter(([c, value]) => x.parse(c).value(answers) !== value)
                    .map(([c, value]) => c + ': the device says "' + x.parse(c).value(answers) + '", the server "' + value + '"')));""",
                server, answers);
        assertThat(server).containsEntry("${a} + ${b}", "7").containsEntry("${a} + ${blank}", "NaN")
                .containsEntry("${a} > 5", "false");
        assertThat(disagreements).isEmpty();
    }

    /**
     * A three-level cascade (province → commune → village): for every answer of the levels above,
     * the device offers the very choices the server offers and accepts.
     */
    @Test
    void theDeviceFiltersAThreeLevelCascadeAsTheServerDoes() {
        browser.get(url("/capi/"));
        awaitApp();
        Map<String, String> none = Map.of();
        ChoiceList tinh = new ChoiceList("tinh", List.of(choice("hn", none), choice("dn", none)));
        ChoiceList xa = new ChoiceList("xa", List.of(choice("hk", Map.of("tinh", "hn")), choice("bd", Map.of("tinh", "hn")),
                choice("bh", Map.of("Tinh", "dn"))));
        ChoiceList thon = new ChoiceList("thon", List.of(choice("t1", Map.of("xa", "hk")), choice("t2", Map.of("xa", "hk")),
                choice("t3", Map.of("xa", "bd")), choice("t4", Map.of("xa", "bh"))));
        Label l = Label.of("Câu", null);
        Methodology m = new Methodology("cascade", 1, l, List.of(), List.of(tinh, xa, thon), List.of(new Section("s", l, List.of(
                new Question("tinh", QuestionType.SELECT_ONE, l, null, null, "tinh", false, null, null, null, Map.of()),
                new Question("xa", QuestionType.SELECT_ONE, l, null, null, "xa", false, null, null, null,
                        Map.of("choice_filter", "tinh=${tinh}")),
                new Question("thon", QuestionType.SELECT_MULTIPLE, l, null, null, "thon", false, null, null, null,
                        Map.of("choice_filter", "xa = ${xa} or (name = 't3' and ${tinh} != 'dn')"))))), null);
        CapiForm form = CapiForm.of(m);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String province : List.of("", "hn", "dn")) {
            for (String commune : List.of("", "hk", "bd", "bh")) {
                Map<String, String> stored = Map.of("tinh", province, "xa", commune);
                for (int level = 1; level <= 2; level++) {
                    Question q = m.sections().get(0).questions().get(level);
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("item", json.writeValueAsString(form.sections().get(0).questions().get(level)));
                    c.put("stored", stored);
                    c.put("server", String.join(" ", m.choiceList(q.choices()).orElseThrow()
                            .offered(q.choiceFilter(), stored::get).stream().map(ChoiceList.Choice::code).toList()));
                    cases.add(c);
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<String> disagreements = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const [cases, done] = arguments;
                import('/capi/form.js').then(x => done(cases.map(c => {
                    const item = JSON.parse(c.item);
                    const device = x.offeredOptions(item, c.stored).map(o => o.code).join(' ');
                    return device === c.server ? null : item.name + ' with ' + JSON.stringify(c.stored)
                        + ': the device offers "' + device + '", the server "' + c.server + '"';
                }).filter(d => d)));""", cases);
        assertThat(cases).hasSize(24).anyMatch(c -> c.get("server").equals("hk bd")).anyMatch(c -> c.get("server").equals(""));
        assertThat(disagreements).isEmpty();
    }

    private static ChoiceList.Choice choice(String code, Map<String, String> columns) {
        return new ChoiceList.Choice(code, Label.of("Lựa chọn " + code, null), columns);
    }

    private void awaitApp() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    /** Cuts the network (and tells the page, as Chromium's offline emulation does), or restores it. */
    private void offline(boolean cut) {
        network.cut(cut);
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(cut);
        browser.setNetworkConditions(conditions);
        // the page hears of it as the browser's "offline"/"online" event
        wait.until(d -> Boolean.valueOf(!cut).equals(js("return navigator.onLine")));
    }

    /** Whether the application answers through the link at all. */
    private boolean reachable() {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(url("/login")).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private long responsesOf(long caseId) {
        return jdbc.sql("SELECT count(*) FROM response WHERE sample_member_id = :c").param("c", caseId).query(Long.class).single();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private Object async(String script) {
        return ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1]; " + script);
    }

    /** Through the link the test can cut, not straight to the application. */
    @Override
    protected String url(String path) {
        return "http://localhost:" + network.port() + path;
    }
}
