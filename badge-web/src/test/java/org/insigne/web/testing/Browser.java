package org.insigne.web.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, never a downloaded
 * browser), driven through Selenium, with an accessibility check of every page a test visits.
 * Paths can be changed with {@code INSIGNE_CHROMIUM} and {@code INSIGNE_CHROMEDRIVER}.
 */
public final class Browser implements AutoCloseable {

    /** How long a lookup waits for an element to appear (a page still loading, a script adding it). */
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;

    /** axe-core, as the axe Selenium library ships it. */
    private static final String AXE_SOURCE = axeSource();

    /**
     * Runs axe on the page and hands back its violations, one line each. Only violations are asked for in full
     * (passes and incomplete results cost most of a run's time and are never read).
     */
    private static final String RUN_AXE = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                .then(function (results) {
                    done(results.violations.map(function (v) {
                        return '- ' + v.id + ': ' + v.help + ' ' + v.nodes.map(function (n) {
                            return JSON.stringify(n.target);
                        }).join(', ');
                    }));
                }, function (error) { done(['axe could not run: ' + error]); });
            """;

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /**
     * Browsers a test has closed, kept for the next test: starting Chromium is the slowest single step of a short
     * browser test. {@link #close()} returns a browser here only once it is blank again (no cookies, no cache,
     * one window at the default size), so that no test sees what another left behind.
     */
    private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(WebDriver::quit);
                IDLE.clear();
            }
        }, "close-idle-browsers"));
    }

    public static Browser open(int port) {
        ChromeDriver driver;
        synchronized (IDLE) {
            driver = IDLE.poll();
        }
        return new Browser(driver != null ? driver : start(), "http://localhost:" + port);
    }

    private static ChromeDriver start() {
        String chromium = env("INSIGNE_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = env("INSIGNE_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium at " + chromium + " and its driver at "
                    + chromedriver + " (Debian: apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                    "--disable-dev-shm-usage", "--window-size=" + WIDTH + "," + HEIGHT, "--lang=fr-FR",
                    "--user-data-dir=" + Files.createTempDirectory("insigne-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        // axe in every document from its start: sending its 560 kB with each check took longer than the check
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE_SOURCE));
        return driver;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code path} (from the application root) and checks the page's accessibility. */
    public Browser visit(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
        return assertAccessible();
    }

    /**
     * Signs up with the form (in French, the default) and opens the confirmation link of the
     * {@code mailNumber}-th mail sent to {@code email}, as a new user does; the account is then confirmed.
     */
    public Browser signUpAndConfirm(String email, String name, String password, int mailNumber) {
        visit("/signup");
        fill("Adresse e-mail", email).fill("Nom affiché", name).fill("Mot de passe", password).click("Créer mon compte");
        return visit(MailServer.link(MailServer.awaitMail(email, mailNumber, Duration.ofSeconds(20)), "/account/confirm"));
    }

    /** Fills the login form the browser is on (after a confirmation link, or {@code /login}) and submits it. */
    public Browser logIn(String email, String password) {
        return fill("Adresse e-mail", email).fill("Mot de passe", password).click("Se connecter");
    }

    /**
     * Logs out with the header's button, in either language, and waits until the page it leads to has replaced
     * this one: a page opened before that could otherwise be overtaken by the logout's own redirect.
     */
    public Browser logOut() {
        WebElement button = driver.findElement(By.xpath(
                "//header//button[normalize-space(.)='Se déconnecter' or normalize-space(.)='Log out']"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // stale, or, while the next page loads, "node does not belong to the document": gone either way
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** Fails with the list of WCAG 2.1 A/AA violations axe-core finds on the current page, if any. */
    public Browser assertAccessible() {
        // axe's Selenium library runs axe.runPartial, then opens a second tab, injects axe there again and runs
        // finishRun, which only pages with frames need (ours have none: frame-ancestors 'none'). Running axe.run
        // in the page gives the same violations without the second tab and the second injection; axe checks were
        // about half of the browser tests' time. axe is already in the page (see start()); injecting it here is
        // for documents opened some other way.
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(AXE_SOURCE);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) driver.executeAsyncScript(RUN_AXE, WCAG_21_AA);
        if (!violations.isEmpty()) {
            throw new AssertionError("Accessibility violations on " + driver.getCurrentUrl() + ":\n"
                    + String.join("\n", violations));
        }
        return this;
    }

    /** The input whose {@code <label>} reads {@code label}. */
    public WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space(.)=" + xpathLiteral(label) + "]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public Browser fill(String label, String value) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /**
     * Clicks the button whose visible text is {@code text}, else such a link in the page's main content, else
     * anywhere (the header repeats some words, such as "Se connecter"); then checks the page it leads to.
     */
    public Browser click(String text) {
        String literal = xpathLiteral(text);
        List<By> inOrder = List.of(By.xpath("//button[normalize-space(.)=" + literal + "]"),
                By.xpath("//main//a[normalize-space(.)=" + literal + "]"),
                By.xpath("//a[normalize-space(.)=" + literal + "]"));
        // Each lookup that finds nothing would wait the whole implicit wait, and most clicks are on links found
        // by the second or third: look for all three at once, polling, within that same time.
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        List<WebElement> candidates;
        try {
            candidates = new WebDriverWait(driver, IMPLICIT_WAIT, Duration.ofMillis(50)).until(d -> {
                for (By by : inOrder) {
                    List<WebElement> found = d.findElements(by);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
                return null;
            });
        } catch (org.openqa.selenium.TimeoutException nothing) {
            throw new AssertionError("nothing to click reads '" + text + "' on " + driver.getCurrentUrl());
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
        candidates.get(0).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return assertAccessible();
    }

    /**
     * Saves the whole page as {@code name}.png in the folder named by {@code INSIGNE_SHOTS_DIR}, for people to
     * look at; does nothing when that variable is not set.
     */
    public Browser shoot(String name) {
        String folder = System.getenv("INSIGNE_SHOTS_DIR");
        if (folder == null || folder.isBlank()) {
            return this;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) driver
                .executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        Object data = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", size.get("width"), "height", size.get("height"), "scale", 1))).get("data");
        try {
            Files.createDirectories(java.nio.file.Path.of(folder));
            Files.write(java.nio.file.Path.of(folder, name + ".png"), java.util.Base64.getDecoder().decode((String) data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String htmlLang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    public String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Fails when the page is wider than the window, so that a reader would have to scroll sideways. */
    public Browser assertFitsWidth() {
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (((Number) overflow).intValue() > 0) {
            throw new AssertionError(driver.getCurrentUrl() + " scrolls sideways by " + overflow + " px");
        }
        return this;
    }

    /** Makes the browser blank again and keeps it for the next test; one that will not reset is quit. */
    @Override
    public void close() {
        try {
            List<String> windows = List.copyOf(driver.getWindowHandles());
            for (String window : windows.subList(1, windows.size())) {
                driver.switchTo().window(window).close();
            }
            driver.switchTo().window(windows.get(0));
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        } catch (WebDriverException broken) {
            driver.quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.push(driver);
        }
    }

    private static String axeSource() {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the axe Selenium library");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xpathLiteral(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
