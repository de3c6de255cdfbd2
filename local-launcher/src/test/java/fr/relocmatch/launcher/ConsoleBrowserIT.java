package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TestIssuer;
import fr.relocmatch.testinfra.TestSirets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The adviser console in a real browser (Debian's headless Chromium driven by its chromedriver)
 * against the four services, the console and the issuer, each a separate process as in production:
 * a Normandie adviser signs in through the issuer's login page, posts a demand through the form
 * (a field refused by demand-service is shown at the field, corrected, and the demand opened), sees
 * the ranking arrive with its explanation without reloading, rejects one supplier with a reason
 * (it leaves the ranking and does not come back when its profile changes) and accepts another (the
 * demand moves to discussion); a Hauts-de-France adviser then sees the demand without its
 * confidential buyer and cannot decide. Screenshots of every step: target/console-screenshots.
 */
class ConsoleBrowserIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static Services services;
    private static String console;
    private static String suffix;
    private static String buyerSiret;
    private static Map<String, String> smeIds;

    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void suppliersAroundRouen() throws IOException {
        services = RunningServices.get();
        console = RunningServices.console();
        Files.createDirectories(SCREENSHOTS);
        suffix = " " + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        JsonApi companies = Callers.api(services.baseUrl("company-service"), Callers.REFERENT);
        smeIds = new LinkedHashMap<>();
        for (Map<String, Object> demo : DemoData.companies()) {
            Map<String, Object> company = new LinkedHashMap<>(demo);
            company.put("siret", TestSirets.random());
            company.put("name", demo.get("name") + suffix);
            JsonApi.Response created = companies.post("/api/v1/companies", company);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            smeIds.put(String.valueOf(demo.get("name")), created.json().get("id").asString());
            if ("GROUP".equals(demo.get("kind"))) {
                buyerSiret = String.valueOf(company.get("siret"));
            }
        }
    }

    /** Each browser's last page, as a screenshot and its HTML, then closed: what a failure looked like. */
    @AfterEach
    void closeBrowsers() throws IOException {
        for (int i = 0; i < browsers.size(); i++) {
            WebDriver browser = browsers.get(i);
            screenshot(browser, "last-page-" + i);
            Files.writeString(SCREENSHOTS.resolve("last-page-" + i + ".html"), browser.getPageSource());
            browser.quit();
        }
    }

    @Test
    void anAdviserPostsADemandReadsItsRankingAndDecides() {
        WebDriver browser = signIn(TestIssuer.ADVISER_28, "/demands/new");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nouvelle demande");

        // the form, with a site commune demand-service does not know
        String title = "Linge de bain en coton" + suffix;
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("buyerSiret")).sendKeys(buyerSiret);
        browser.findElement(By.id("productCode")).sendKeys("13.92.12");
        // the product code suggests the processes of household linen (from the CPF 2.1 table), in words
        browser.findElement(By.xpath("//button[contains(., 'Suggérer les procédés')]")).click();
        await().atMost(TIMEOUT).until(() -> !browser.findElements(By.cssSelector("#suggestions label[for='required-HOME_TEXTILES']")).isEmpty());
        assertThat(browser.findElement(By.id("suggestions")).getText()).contains("Confection de linge de maison");
        // the group wants woven linen: weaving required
        browser.findElement(By.cssSelector("label[for='required-WEAVING']")).click();
        assertThat(browser.findElement(By.id("required-WEAVING")).isSelected()).isTrue();
        browser.findElement(By.xpath("//summary[contains(., 'Procédés souhaités')]")).click();
        browser.findElement(By.cssSelector("label[for='preferred-HOME_TEXTILES']")).click();
        browser.findElement(By.cssSelector("label[for='preferred-DYEING_FINISHING']")).click();
        browser.findElement(By.id("targetNafCodes")).sendKeys("13.92Z");
        browser.findElement(By.id("quantity")).sendKeys("120000");
        new Select(browser.findElement(By.id("sector"))).selectByValue("TEXTILE");
        browser.findElement(By.id("communeCode")).sendKeys("76999");
        clickLabelOf(browser, "confidential");
        screenshot(browser, "1-demand-form");
        browser.findElement(By.xpath("//button[@name='open']")).click();

        // refused by demand-service: the message is at the field, the form keeps what was typed
        WebElement communeError = browser.findElement(By.id("communeCode-error"));
        assertThat(communeError.getText()).contains("76999");
        assertThat(browser.findElement(By.id("communeCode")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo(title);
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Commune");
        screenshot(browser, "2-demand-form-error");
        WebElement commune = browser.findElement(By.id("communeCode"));
        commune.clear();
        commune.sendKeys("76540");
        browser.findElement(By.xpath("//button[@name='open']")).click();

        // the demand's page: opened, and the ranking arrives without a reload
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        String tisserand = "Tissages de Normandie" + suffix;
        String filature = "Filature du Roumois" + suffix;
        await().atMost(TIMEOUT).until(() -> proposed(browser).containsAll(List.of(tisserand, filature)));
        assertThat(proposed(browser)).doesNotContain("Confection Cauchoise" + suffix, "Linge de Picardie" + suffix,
                "Mécanique de Précision Havraise" + suffix);
        onRanking(() -> {
            WebElement best = match(browser, tisserand);
            assertThat(best.findElements(By.cssSelector(".explanation tbody tr"))).hasSizeGreaterThanOrEqualTo(5);
            assertThat(best.findElement(By.cssSelector(".explanation")).getText()).contains("Procédés souhaités")
                    .contains("Distance");
            assertThat(best.findElement(By.cssSelector(".distance")).getText()).endsWith("km");
        });
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("Maison Française SA" + suffix);
        screenshot(browser, "3-ranking");

        // reject the spinner with a reason: it leaves the ranking for the decisions
        onRanking(() -> match(browser, filature).findElement(By.cssSelector("details.decide summary")).click());
        WebElement other = match(browser, filature);
        new Select(other.findElement(By.name("reasonCode"))).selectByValue("CAPACITY");
        other.findElement(By.name("reasonText")).sendKeys("Carnet de commandes plein jusqu'en 2028");
        screenshot(browser, "4-reject");
        other.findElement(By.xpath(".//button[contains(., 'Écarter ce fournisseur')]")).click();
        await().atMost(TIMEOUT).until(() -> !proposed(browser).contains(filature));
        onRanking(() -> assertThat(browser.findElement(By.cssSelector("ul.decided")).getText()).contains(filature).contains("écartée")
                .contains("Capacité insuffisante").contains("Carnet de commandes plein jusqu'en 2028"));

        // its profile changes: the pair is evaluated again, and stays out
        JsonApi companies = Callers.api(services.baseUrl("company-service"), Callers.REFERENT);
        String filatureId = smeIds.get("Filature du Roumois");
        assertThat(companies.post("/api/v1/companies/" + filatureId + "/confirm", Map.of()).status()).isEqualTo(200);
        JsonApi matching = Callers.api(services.baseUrl("matching-service"), TestIssuer.ADVISER_28);
        String demandId = browser.getCurrentUrl().replaceAll(".*/demands/", "");
        await().during(Duration.ofSeconds(6)).atMost(TIMEOUT).until(() -> matching.get("/api/v1/matches?demandId=" + demandId)
                .json().valueStream().filter(m -> filatureId.equals(m.get("companyId").asString()))
                .allMatch(m -> m.get("status").asString().equals("REJECTED")));
        assertThat(proposed(browser)).doesNotContain(filature);

        // accept the weaver: the demand moves to discussion, on the page, without a reload
        onRanking(() -> match(browser, tisserand).findElement(By.xpath(".//button[contains(., 'Accepter')]")).click());
        await().atMost(TIMEOUT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> browser.findElement(By.id("demand-status")).getText().equals("En discussion"));
        onRanking(() -> assertThat(browser.findElement(By.cssSelector("ul.decided")).getText()).contains(tisserand)
                .contains("acceptée").contains("grands-comptes@normandie.cci.fr"));
        screenshot(browser, "5-accepted");

        // the parties met: the adviser records the first step of what came of it
        onRanking(() -> new Select(browser.findElement(By.cssSelector("ul.decided form.outcome select[name=step]")))
                .selectByValue("CONTACT_MADE"));
        onRanking(() -> browser.findElement(By.xpath("//ul[@class='decided']//button[contains(., 'Enregistrer l')]")).click());
        await().atMost(TIMEOUT).ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                .until(() -> browser.findElement(By.cssSelector("ul.decided .outcomes")).getText().contains("Contact pris"));
        onRanking(() -> assertThat(new Select(browser.findElement(By.cssSelector("ul.decided form.outcome select[name=step]")))
                .getOptions()).extracting(WebElement::getText).containsExactly("Devis envoyé", "Abandon"));

        // another région's adviser: the demand without its confidential buyer, and no decision to take
        WebDriver elsewhere = signIn(TestIssuer.ADVISER_32, "/demands/" + demandId);
        assertThat(elsewhere.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(elsewhere.findElement(By.cssSelector(".facts")).getText()).contains("confidentiel")
                .doesNotContain("Maison Française");
        assertThat(elsewhere.findElements(By.xpath("//button[contains(., 'Accepter')]"))).isEmpty();
        assertThat(elsewhere.findElement(By.id("signed-in")).getText()).contains("conseiller.hdf").contains("Hauts-de-France");
        screenshot(elsewhere, "6-other-region");
    }

    /** A fresh browser (no cookie), signed in through the issuer's login page, on a console page. */
    private WebDriver signIn(String login, String path) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400",
                "--lang=fr-FR");
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        browsers.add(browser);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        browser.get(console + path);
        // the console sends the browser to the issuer, which asks who it is
        await().atMost(TIMEOUT).until(() -> !browser.findElements(By.id("username")).isEmpty());
        assertThat(browser.getCurrentUrl()).startsWith(TestIssuer.get().uri()).doesNotContain(console);
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(TestIssuer.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(TIMEOUT).until(() -> browser.getCurrentUrl().startsWith(console + path));
        return browser;
    }

    /** The companies proposed in the ranking, read in one go (htmx may swap the ranking at any poll). */
    @SuppressWarnings("unchecked")
    private static List<String> proposed(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#ranking ol.ranking li.match')].map(m => m.dataset.company)");
    }

    /**
     * Does something to the ranking again if the poll replaced it meanwhile (the poll pauses while
     * a decision form is open or focused, not between finding a button and clicking it).
     */
    private static void onRanking(Runnable action) {
        await().atMost(TIMEOUT).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
            action.run();
            return true;
        });
    }

    private static WebElement match(WebDriver browser, String company) {
        return browser.findElement(By.cssSelector("#ranking li.match[data-company='" + company + "']"));
    }

    private static void clickLabelOf(WebDriver browser, String field) {
        browser.findElement(By.cssSelector("label[for='" + browser.findElement(By.name(field)).getDomAttribute("id") + "']")).click();
    }

    private static void screenshot(WebDriver browser, String name) {
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
