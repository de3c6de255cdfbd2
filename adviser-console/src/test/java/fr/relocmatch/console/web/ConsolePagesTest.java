package fr.relocmatch.console.web;

import fr.relocmatch.console.api.Company;
import fr.relocmatch.console.api.Notification;
import fr.relocmatch.console.api.Results;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.MultiValueMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.relocmatch.console.api.ApiProblem;
import fr.relocmatch.console.api.Demand;
import fr.relocmatch.console.api.Match;
import fr.relocmatch.console.api.ServiceApis;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The console's pages with the services replaced by a mock of {@link ServiceApis}: who gets in,
 * what a refusal from a service becomes on the page, what a decision sends, what each person is
 * offered. The issuer's endpoints are configured, not discovered, so nothing else runs.
 */
@SpringBootTest(properties = {
        "spring.security.oauth2.client.provider.relocmatch.authorization-uri=http://issuer.test/oauth2/authorize",
        "spring.security.oauth2.client.provider.relocmatch.token-uri=http://issuer.test/oauth2/token",
        "spring.security.oauth2.client.provider.relocmatch.jwk-set-uri=http://issuer.test/oauth2/jwks",
        "spring.security.oauth2.client.provider.relocmatch.user-info-uri=http://issuer.test/userinfo" })
@AutoConfigureMockMvc
class ConsolePagesTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ServiceApis api;

    // who signs in

    @Test
    void everyPageSendsAStrangerToTheIssuerWithAProofKey() throws Exception {
        for (String page : List.of("/", "/demands", "/demands/new", "/demands/d1", "/demands/d1/edit", "/matches/m1",
                "/suppliers", "/suppliers/c1", "/me", "/lookup/communes?q=rou", "/programme", "/suppliers/import",
                "/suppliers/import/j1/rejects.csv")) {
            // as a browser asks for a page
            MvcResult result = mvc.perform(get(page).accept("text/html,application/xhtml+xml,*/*;q=0.8")).andReturn();
            assertThat(result.getResponse().getStatus()).as(page).isEqualTo(302);
            assertThat(result.getResponse().getHeader("Location")).as(page)
                    .endsWith("/oauth2/authorization/relocmatch");
        }
        for (String action : List.of("/demands", "/demands/d1", "/demands/d1/move", "/matches/m1/decision",
                "/suppliers/c1/confirm", "/suppliers/c1/not-interested", "/me/preferences", "/suppliers/import",
                "/suppliers/import/j1/next")) {
            assertThat(mvc.perform(post(action).with(csrf()).accept("text/html")).andReturn().getResponse().getStatus())
                    .as(action).isEqualTo(302);
        }
        String authorize = mvc.perform(get("/oauth2/authorization/relocmatch")).andExpect(status().isFound())
                .andReturn().getResponse().getHeader("Location");
        assertThat(authorize).startsWith("http://issuer.test/oauth2/authorize?").contains("response_type=code")
                .contains("client_id=relocmatch-console").contains("code_challenge=").contains("code_challenge_method=S256");
        verify(api, never()).demands(any());
    }

    @Test
    void aPollAfterTheSessionEndedAsksHtmxToReloadThePage() throws Exception {
        mvc.perform(get("/demands/d1/ranking").header("HX-Request", "true")
                .header("HX-Current-URL", "http://localhost/demands/d1"))
                .andExpect(status().isUnauthorized()).andExpect(header().string("HX-Redirect", "http://localhost/demands/d1"));
    }

    // the demand form

    @Test
    void fieldsRefusedByDemandServiceAreShownAtTheirFieldsWithWhatWasTyped() throws Exception {
        when(api.createDemand(any())).thenThrow(new ApiProblem(400, "Invalid input", null, List.of(
                new ApiProblem.Violation("location.communeCode", "'76999' is not a commune INSEE code"),
                new ApiProblem.Violation("annualVolume.quantity", "must be greater than 0"),
                new ApiProblem.Violation("requiredProcesses[0]", "'KNITTING' is not a process code"))));
        Document page = html(mvc.perform(post("/demands").with(csrf()).with(adviser("28")).param("title", "Linge de bain")
                .param("requiredProcesses", "WEAVING").param("quantity", "0").param("communeCode", "76999")
                .param("startDate", "2027-06-01").param("open", "true")).andExpect(status().isOk()).andReturn());
        assertThat(page.getElementById("communeCode-error").text()).contains("'76999' is not a commune INSEE code");
        assertThat(page.getElementById("communeCode").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("communeCode").attr("aria-describedby")).isEqualTo("communeCode-error");
        assertThat(page.getElementById("quantity-error").text()).contains("must be greater than 0");
        assertThat(page.getElementById("requiredProcesses-error").text()).contains("'KNITTING' is not a process code");
        assertThat(page.getElementById("title").val()).isEqualTo("Linge de bain");
        assertThat(page.getElementById("required-WEAVING").hasAttr("checked")).isTrue();
        assertThat(page.getElementById("error-summary").select("a").eachAttr("href"))
                .contains("#communeCode", "#quantity", "#requiredProcesses");
        verify(api, never()).move(anyString(), anyString(), anyLong(), any());
    }

    @Test
    void aNewDemandStartsFollowedByTheAdviserWithADateTheDateFieldKeepsInEveryLanguage() throws Exception {
        for (String lang : List.of("fr", "en")) {
            Document page = html(mvc.perform(get("/demands/new").param("lang", lang).with(adviser("28")))
                    .andExpect(status().isOk()).andReturn());
            // <input type="date"> shows and sends ISO dates only: a localised 01/06/2027 would come back empty
            assertThat(page.getElementById("startDate").val()).as(lang).matches("\\d{4}-\\d{2}-01");
            assertThat(page.getElementById("adviserEmail").val()).isEqualTo("conseiller@28.cci.fr");
        }
    }

    @Test
    void aNumberThatIsNotOneIsRefusedBeforeAnyCall() throws Exception {
        Document page = html(mvc.perform(post("/demands").with(csrf()).with(adviser("28")).param("title", "Linge")
                .param("quantity", "douze mille")).andExpect(status().isOk()).andReturn());
        assertThat(page.getElementById("quantity-error").text()).isEqualTo("doit être un nombre (virgule ou point décimal)");
        verify(api, never()).createDemand(any());
    }

    @Test
    void saveAndOpenCreatesThenOpensTheDemandAtTheVersionCreated() throws Exception {
        when(api.createDemand(any())).thenReturn(demand("d7", "DRAFT", "RADIUS"));
        mvc.perform(post("/demands").with(csrf()).with(adviser("28")).param("title", "Linge")
                .param("requiredProcesses", "WEAVING").param("quantity", "120000").param("communeCode", "76540 Rouen")
                .param("maxDistanceKm", "80").param("startDate", "2027-06-01").param("open", "true"))
                .andExpect(status().isFound()).andExpect(header().string("Location", "/demands/d7"));
        verify(api).createDemand(eq(Map.ofEntries(Map.entry("title", "Linge"), Map.entry("requiredProcesses", List.of("WEAVING")),
                Map.entry("annualVolume", Map.of("quantity", new BigDecimal("120000"), "unit", "PIECES")),
                Map.entry("startDate", LocalDate.parse("2027-06-01")),
                Map.entry("location", Map.of("mode", "RADIUS", "communeCode", "76540", "maxDistanceKm", 80)),
                Map.entry("confidential", false))));
        verify(api).move("d7", "open", 0, null);
    }

    // a demand's ranking and the decisions

    @Test
    void onlyTheDemandsRegionsAdvisersAreOfferedTheDecisions() throws Exception {
        when(api.demand("d1")).thenReturn(demand("d1", "OPEN", "RADIUS"));
        when(api.matchesOfDemand("d1")).thenReturn(List.of(match("m1", "PROPOSED", 18.1), match("m2", "WITHDRAWN", 30.0)));
        Document ours = html(mvc.perform(get("/demands/d1").with(adviser("28"))).andExpect(status().isOk()).andReturn());
        assertThat(ours.select("#match-m1 button.accept")).hasSize(1);
        assertThat(ours.select("#match-m1 select[name=reasonCode] option")).hasSize(1 + DemandPages.REJECTION_REASONS.size());
        assertThat(ours.select("#match-m1 .distance").text()).isEqualTo("18,1 km");
        assertThat(ours.select("#match-m1 .explanation tbody tr")).hasSize(2);
        assertThat(ours.select("#match-m1 .explanation tr.missing th").text()).isEqualTo("Labels");
        assertThat(ours.select("#match-m1 .points").eachText()).containsExactly("15,0 / 25 points", "0,0 / 5 points");
        assertThat(ours.select("ul.withdrawn").text()).contains("no longer among the best candidates");
        // the notes in the reader's language, from what the scorer found
        assertThat(ours.select("#match-m1 td.note").eachText()).containsExactly("18 km sur 80 km autorisés", "aucun label");
        Document english = html(mvc.perform(get("/demands/d1").param("lang", "en").with(adviser("28"))).andReturn());
        assertThat(english.select("#match-m1 td.note").eachText()).containsExactly("18 km of 80 km allowed", "no label");
        // the lifecycle offers the moves an open demand may make
        assertThat(ours.select(".moves input[name=move]").eachAttr("value")).containsExactly("discussion", "fulfil", "cancel");

        Document theirs = html(mvc.perform(get("/demands/d1").with(adviser("32"))).andExpect(status().isOk()).andReturn());
        assertThat(theirs.select("#match-m1")).hasSize(1);
        assertThat(theirs.select("#match-m1 button.accept, #match-m1 select[name=reasonCode]")).isEmpty();
    }

    @Test
    void aDistanceIsShownOnlyForADemandWithinARadius() throws Exception {
        when(api.demand("d2")).thenReturn(demand("d2", "OPEN", "REGIONS"));
        when(api.matchesOfDemand("d2")).thenReturn(List.of(match("m1", "PROPOSED", 0.0)));
        Document page = html(mvc.perform(get("/demands/d2").with(adviser("28"))).andReturn());
        assertThat(page.select("#match-m1 .distance")).isEmpty();
        assertThat(page.text()).doesNotContain("0,0 km");
    }

    @Test
    void aRejectionNeedsAListedReasonAndSendsItWithTheAdvisersWords() throws Exception {
        when(api.demand("d1")).thenReturn(demand("d1", "OPEN", "RADIUS"));
        when(api.matchesOfDemand("d1")).thenReturn(List.of(match("m1", "PROPOSED", 18.1)));
        Document refused = html(mvc.perform(post("/matches/m1/decision").with(csrf()).with(adviser("28"))
                .header("HX-Request", "true").param("demandId", "d1").param("decision", "REJECTED").param("reasonText", "trop cher"))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused.select("#ranking .notice.refused").text()).isEqualTo("Pour écarter un fournisseur, choisissez un motif.");
        verify(api, never()).decide(anyString(), anyString(), any(), any());

        mvc.perform(post("/matches/m1/decision").with(csrf()).with(adviser("28")).header("HX-Request", "true")
                .param("demandId", "d1").param("decision", "REJECTED").param("reasonCode", "PRICE")
                .param("reasonText", "  prix cible hors d'atteinte ")).andExpect(status().isOk());
        verify(api).decide("m1", "REJECTED", "PRICE", "prix cible hors d'atteinte");
    }

    @Test
    void aMatchDecidedMeanwhileSaysSoAndShowsTheRankingAsItIs() throws Exception {
        when(api.demand("d1")).thenReturn(demand("d1", "IN_DISCUSSION", "RADIUS"));
        when(api.matchesOfDemand("d1")).thenReturn(List.of(match("m1", "ACCEPTED", 18.1)));
        when(api.decide("m1", "ACCEPTED", null, null)).thenThrow(new ApiProblem(409, "Conflict", "already decided", List.of()));
        Document page = html(mvc.perform(post("/matches/m1/decision").with(csrf()).with(adviser("28"))
                .header("HX-Request", "true").param("demandId", "d1").param("decision", "ACCEPTED"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("#ranking .notice.refused").text()).contains("déjà été décidée");
        assertThat(page.getElementById("demand-status").text()).isEqualTo("En discussion");
    }

    @Test
    void anEmailsLinkToAMatchLeadsToItsPlaceInTheRanking() throws Exception {
        when(api.match("m1")).thenReturn(match("m1", "PROPOSED", 18.1));
        mvc.perform(get("/matches/m1").with(adviser("28"))).andExpect(status().isFound())
                .andExpect(header().string("Location", "/demands/d1#match-m1"));
    }

    // today and the programme

    @Test
    void todayListsWhatWaitsForTheAdviserAndTheCertificatesToRenewInPlainFrench() throws Exception {
        Demand radius = demand("d1", "OPEN", "RADIUS");
        Demand open = new Demand("d1", 0, "OPEN", null, "Linge de bain", null, false, null, null, List.of("WEAVING"),
                List.of(), List.of(), List.of("OEKO_TEX_100"), radius.annualVolume(), null, null, LocalDate.parse("2027-06-01"),
                null, radius.location(), "conseiller@28.cci.fr", radius.createdAt(), radius.updatedAt());
        when(api.demands(any())).thenAnswer(call -> {
            MultiValueMap<String, String> filters = call.getArgument(0);
            return new Results<>("OPEN".equals(filters.getFirst("status")) ? List.of(open) : List.of(),
                    0, 100, 1, 1);
        });
        when(api.matchesOfDemand("d1")).thenReturn(List.of(match("m1", "PROPOSED", 18.1)));
        Company holder = new Company("c9", 3, "SME", "41234567800012",
                "Tissages du Bocage", "13.20Z", List.of("WEAVING"),
                List.of(new Company.Certificate("OEKO_TEX_100", null, LocalDate.parse("2027-03-31"), null)),
                List.of(), List.of(), 40, null, null, null, null, "textile@normandie.cci.fr", true, "ACTIVE",
                Instant.parse("2026-10-01T08:00:00Z"));
        when(api.companies(any())).thenAnswer(call -> {
            MultiValueMap<String, String> filters = call.getArgument(0);
            return new Results<>("OEKO_TEX_100".equals(filters.getFirst("certification"))
                    ? List.of(holder) : List.<Company>of(), 0, 50, 1, 1);
        });
        Document page = html(mvc.perform(get("/").with(adviser("28"))).andExpect(status().isOk()).andReturn());
        assertThat(page.getElementById("waiting-title").text()).isEqualTo("À décider (1)");
        assertThat(page.getElementById("certificates-title").parent().text()).contains("Tissages du Bocage")
                .contains("valable jusqu'au 2027-03-31, avant le démarrage de « Linge de bain » le 2027-06-01");
        assertThat(page.text()).contains("Aujourd'hui").doesNotContain("''");
    }

    /**
     * The supplier's page shows the kinds of demand its adviser marked it not interested in; the
     * adviser adds one (any sector) or takes one away, and the other marks are sent along, as the
     * API replaces them all; a profile changed meanwhile is said so, not a server error.
     */
    @Test
    void anAdviserMarksASupplierNotInterestedInAKindOfDemandAndTakesItBack() throws Exception {
        Company company = new Company("c1", 4, "SME", "41234567800012", "Tissages du Bocage", "13.20Z",
                List.of("WEAVING"), List.of(), List.of(), List.of(), 40, null, null, null, null, "textile@normandie.cci.fr",
                true, "ACTIVE", Instant.parse("2026-10-01T08:00:00Z"),
                List.of(new Company.NotInterested("WEAVING", "AUTOMOTIVE", LocalDate.parse("2026-11-02"))));
        when(api.company("c1")).thenReturn(company);
        when(api.matchesOfCompany("c1")).thenReturn(List.of());

        Document page = html(mvc.perform(get("/suppliers/c1").with(adviser("28"))).andExpect(status().isOk()).andReturn());
        assertThat(page.select("ul.not-interested li").text()).contains("Tissage — Automobile").contains("2026-11-02");
        assertThat(page.select("form.not-interested-form select[name=sector] option").first().text()).isEqualTo("tous secteurs");

        mvc.perform(post("/suppliers/c1/not-interested").param("version", "4").param("process", "CUT_AND_SEW")
                .param("sector", "").with(adviser("28")).with(csrf())).andExpect(status().is3xxRedirection());
        java.util.Map<String, String> any = new java.util.LinkedHashMap<>();
        any.put("process", "CUT_AND_SEW");
        any.put("sector", null);
        verify(api).notInterested("c1", 4, List.of(Map.of("process", "WEAVING", "sector", "AUTOMOTIVE"), any));

        mvc.perform(post("/suppliers/c1/not-interested").param("version", "4").param("process", "WEAVING")
                .param("sector", "AUTOMOTIVE").param("marked", "false").with(adviser("28")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        verify(api).notInterested("c1", 4, List.of());

        when(api.notInterested(eq("c1"), eq(3L), any())).thenThrow(new ApiProblem(412, "Precondition failed", null, List.of()));
        String changed = mvc.perform(post("/suppliers/c1/not-interested").param("version", "3").param("process", "WEAVING")
                .with(adviser("28")).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("refused").toString();
        assertThat(changed).isEqualTo("supplier.changed");
    }

    @Test
    void theSupplierSearchSendsTheCommuneOfItsFieldAsAnInseeCode() throws Exception {
        when(api.companies(any())).thenReturn(new Results<>(List.of(), 0, 20, 0, 0));
        mvc.perform(get("/suppliers").param("near", "76540").param("radiusKm", "30").with(adviser("28")))
                .andExpect(status().isOk());
        ArgumentCaptor<MultiValueMap<String, String>> sent =
                ArgumentCaptor.forClass(MultiValueMap.class);
        Mockito.verify(api).companies(sent.capture());
        assertThat(sent.getValue().getFirst("near")).isEqualTo("insee:76540");
        assertThat(sent.getValue().getFirst("radiusKm")).isEqualTo("30");
    }

    @Test
    void theProgrammeShowsTheRegionsFiguresMonthByMonthForItsAdminsOnly() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        YearMonth now = YearMonth.from(today);
        when(api.programmeFigures(any(), any())).thenReturn(Map.of("demandsOpened", 0, "matchesProposed", 0));
        when(api.programmeFigures(now.atDay(1), today)).thenReturn(Map.of("demandsOpened", 1, "matchesProposed", 4,
                "accepted", 1, "rejected", 2, "agreements", 1));
        when(api.programmeFigures(now.minusMonths(5).atDay(1), today)).thenReturn(Map.of(
                "rejectedByReason", Map.of("PRICE", 1, "OTHER", 1, "CAPACITY", 0),
                "outcomeSteps", Map.of("CONTACT_MADE", 2, "AGREEMENT_SIGNED", 1),
                "volumeRelocated", List.of(Map.of("processFamily", "TEXTILE", "nafDivision", "13", "unit", "PIECES",
                        "annualQuantity", 12000.0, "agreements", 1)),
                "medianDaysToFirstAcceptance", 3.5, "demandsFirstAccepted", 2));
        when(api.advisers()).thenReturn(List.of(Map.of("email", "a@cci.fr", "name", "Anne", "delivery", "INSTANT", "minScore", 0.4)));
        Document page = html(mvc.perform(get("/programme").with(admin("28"))).andExpect(status().isOk()).andReturn());
        String month = "#month-" + now;
        assertThat(page.select(month + " td.demandsOpened .number").text()).isEqualTo("1");
        assertThat(page.select(month + " td.accepted .number").text()).isEqualTo("1");
        assertThat(page.select(month + " td.rejected .number").text()).isEqualTo("2");
        assertThat(page.select(month + " td.agreements .number").text()).isEqualTo("1");
        assertThat(page.select("#month-" + now.minusMonths(1) + " td.matchesProposed .number").text()).isEqualTo("0");
        assertThat(page.select(".reasons li[data-reason=PRICE]").text()).isEqualTo("Prix : 1");
        assertThat(page.select(".reasons li[data-reason=OTHER]").text()).isEqualTo("Autre : 1");
        assertThat(page.select(".reasons li[data-reason=CAPACITY]")).as("a reason nobody gave").isEmpty();
        assertThat(page.select(".steps li[data-step=CONTACT_MADE]").text()).isEqualTo("Contact pris : 2");
        assertThat(page.select(".median").text()).contains("3,5 jours").contains("2 demandes");
        assertThat(page.select("table.volumes td").eachText()).containsExactly("TEXTILE", "13", "12 000 PIECES", "1");
        assertThat(page.text()).contains("Anne").contains("40 %");
        // each month up to today, and the six months together: seven calls, whatever the number of demands
        verify(api, Mockito.times(ProgrammePage.MONTHS + 1)).programmeFigures(any(), any());

        mvc.perform(get("/programme").with(adviser("28"))).andExpect(status().isForbidden());
        verify(api, Mockito.times(1)).advisers();
    }

    @Test
    void anAcceptedMatchShowsItsOutcomeStepsAndRecordsTheNextOne() throws Exception {
        Match accepted = withOutcomes(match("m1", "ACCEPTED", 18.1), "CONTACT_MADE",
                List.of(new Match.Outcome("CONTACT_MADE", LocalDate.parse("2026-11-20"), null, null, "a@cci.fr",
                        Instant.parse("2026-11-20T10:00:00Z"))));
        when(api.demand("d1")).thenReturn(demand("d1", "IN_DISCUSSION", "RADIUS"));
        when(api.matchesOfDemand("d1")).thenReturn(List.of(accepted));
        Document page = html(mvc.perform(get("/demands/d1").with(adviser("28"))).andExpect(status().isOk()).andReturn());
        assertThat(page.select("#decided-m1 .outcomes li[data-step=CONTACT_MADE]").text()).contains("Contact pris")
                .contains("20/11/2026").contains("a@cci.fr");
        assertThat(page.select("#decided-m1 form.outcome select[name=step] option").eachAttr("value"))
                .containsExactly("QUOTE_SENT", "ABANDONED");

        Document refused = html(mvc.perform(post("/matches/m1/outcome").with(csrf()).with(adviser("28"))
                .header("HX-Request", "true").param("demandId", "d1").param("step", "ABANDONED"))
                .andExpect(status().isOk()).andReturn());
        assertThat(refused.select("#ranking .notice.refused").text()).isEqualTo("Pour noter un abandon, choisissez un motif.");
        verify(api, never()).recordOutcome(anyString(), anyString(), any(), any(), any());

        mvc.perform(post("/matches/m1/outcome").with(csrf()).with(adviser("28")).header("HX-Request", "true")
                .param("demandId", "d1").param("step", "QUOTE_SENT").param("on", "2026-11-25")).andExpect(status().isOk());
        verify(api).recordOutcome("m1", "QUOTE_SENT", LocalDate.parse("2026-11-25"), null, null);
        mvc.perform(post("/matches/m1/outcome").with(csrf()).with(adviser("28")).header("HX-Request", "true")
                .param("demandId", "d1").param("step", "ABANDONED").param("reasonCode", "PRICE").param("reasonText", " devis trop cher "))
                .andExpect(status().isOk());
        verify(api).recordOutcome("m1", "ABANDONED", null, "PRICE", "devis trop cher");

        when(api.recordOutcome("m1", "QUOTE_SENT", null, null, null)).thenThrow(new ApiProblem(409, "Conflict", "not next", List.of()));
        Document meanwhile = html(mvc.perform(post("/matches/m1/outcome").with(csrf()).with(adviser("28"))
                .header("HX-Request", "true").param("demandId", "d1").param("step", "QUOTE_SENT"))
                .andExpect(status().isOk()).andReturn());
        assertThat(meanwhile.select("#ranking .notice.refused").text()).contains("ne suit plus");
    }

    // the CSV import

    @Test
    void anAdminImportsAFrenchExcelFileChunkByChunkAndDownloadsTheRejectedRowsAsTheyWere() throws Exception {
        // French Excel: Windows-1252, ';', CRLF, a blank line, one SIRET on lines 2 and 6
        Charset windows1252 = Charset.forName("windows-1252");
        byte[] excel = ("SIRET;Name;NAF_code;Commune_code;Matching_consent\r\n"
                + "41234567800012;Société Textile;13.20Z;76540;oui\r\n"
                + "\r\n"
                + "42345678900019;\"Confection; Caux\";13.92Z;99999;oui\r\n"
                + "43456789000014;Filature d'Elbeuf;13.10Z;76231;non\r\n"
                + "41234567800012;Société Textile (doublon);13.20Z;76540;oui\r\n").getBytes(windows1252);
        MockHttpSession session = new MockHttpSession();
        Document started = html(mvc.perform(MockMvcRequestBuilders.multipart("/suppliers/import")
                .file(new MockMultipartFile("file", "base.csv", "text/csv", excel))
                .param("adviserEmail", "pme@normandie.cci.fr").session(session).with(csrf()).with(admin("28")))
                .andExpect(status().isOk()).andReturn());
        assertThat(started.getElementById("progress").text())
                .contains("base.csv : 4 ligne(s) de données, lues en Windows-1252, séparées par « ; »")
                .contains("2 / 4 lignes envoyées").contains("0 créé(s), 0 mis à jour, 0 inchangé(s), 2 refusé(s)");
        String next = started.getElementById("progress").attr("hx-post");
        assertThat(next).matches("/suppliers/import/[0-9a-f-]{36}/next");
        assertThat(started.getElementById("progress").attr("hx-trigger")).isEqualTo("load");

        when(api.importCompanies(anyString(), eq("pme@normandie.cci.fr"), eq(4))).thenReturn(Map.of("rows", 2, "created", 1,
                "updated", 0, "unchanged", 0, "rejected", 1, "rejections", List.of(Map.of("row", 1, "line", 4,
                        "siret", "42345678900019",
                        "errors", List.of(Map.of("field", "commune_code", "message", "'99999' is not a commune INSEE code"))))));
        Document done = html(mvc.perform(post(next).session(session).with(csrf()).with(admin("28")).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn());
        // the repeated SIRET's rows are not sent; the others as plain CSV with the file's columns
        verify(api).importCompanies("siret,name,naf_code,commune_code,matching_consent\n"
                + "42345678900019,Confection; Caux,13.92Z,99999,oui\n43456789000014,Filature d'Elbeuf,13.10Z,76231,non\n",
                "pme@normandie.cci.fr", 4);
        assertThat(done.getElementById("progress").hasAttr("hx-post")).isFalse();
        assertThat(done.text()).contains("1 créé(s), 0 mis à jour, 0 inchangé(s), 3 refusé(s)").contains("Import terminé.");
        assertThat(done.select("tbody tr td:first-child").eachText()).containsExactly("2", "4", "6");
        String rejects = done.select("a[href$=rejects.csv]").attr("href");
        MvcResult file = mvc.perform(get(rejects).session(session).with(admin("28"))).andExpect(status().isOk()).andReturn();
        assertThat(file.getResponse().getHeader("Content-Disposition")).contains("base.csv.rejects.csv");
        assertThat(file.getResponse().getContentType()).isEqualTo("text/csv;charset=windows-1252");
        assertThat(new String(file.getResponse().getContentAsByteArray(), windows1252)).isEqualTo(
                "SIRET;Name;NAF_code;Commune_code;Matching_consent;line;rejected_because\r\n"
                        + "41234567800012;Société Textile;13.20Z;76540;oui;2;\"siret: this SIRET is also on line 6: keep one row per establishment (none of these rows was imported)\"\r\n"
                        + "42345678900019;\"Confection; Caux\";13.92Z;99999;oui;4;\"commune_code: '99999' is not a commune INSEE code\"\r\n"
                        + "41234567800012;Société Textile (doublon);13.20Z;76540;oui;6;\"siret: this SIRET is also on line 2: keep one row per establishment (none of these rows was imported)\"\r\n");

        mvc.perform(get("/suppliers/import").with(adviser("28"))).andExpect(status().isForbidden());
    }

    @Test
    void aFileWithoutTheColumnsIsRefusedBeforeAnythingIsSentSayingHowItWasRead() throws Exception {
        Document page = html(mvc.perform(MockMvcRequestBuilders.multipart("/suppliers/import")
                .file(new MockMultipartFile("file", "contacts.csv", "text/csv",
                        "siren;raison sociale\n820471936;Tissages\n".getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(admin("28"))).andExpect(status().isOk()).andReturn());

        assertThat(page.select("[role=alert]").text()).contains("Il manque à contacts.csv la ou les colonnes siret, name, naf_code, "
                + "commune_code or postal_code").contains("lu en UTF-8 et séparé par « ; », contient siren, raison sociale");
        assertThat(page.getElementById("progress")).isNull();
        Mockito.verify(api, Mockito.never()).importCompanies(anyString(), any(), ArgumentMatchers.anyInt());
    }

    @Test
    void myPageListsMyEmailsAndChangesMyPreferencesButNotMyRegions() throws Exception {
        when(api.myNotifications()).thenReturn(List.of(new Notification("n1", "conseiller@28.cci.fr",
                "m1", 1, "d1", "[RelocMatch] Mise en relation proposée", "SENT", 1, null, Instant.parse("2026-11-30T08:00:00Z"),
                Instant.parse("2026-11-30T08:00:05Z"))));
        when(api.adviser("conseiller@28.cci.fr")).thenReturn(Map.of("email", "conseiller@28.cci.fr", "name", "Claire",
                "regions", List.of("28"), "delivery", "INSTANT", "minScore", 0.0, "language", "fr"));
        Document page = html(mvc.perform(get("/me").with(adviser("28"))).andExpect(status().isOk()).andReturn());
        assertThat(page.select("table a[href=/demands/d1]").text()).isEqualTo("[RelocMatch] Mise en relation proposée");
        assertThat(page.text()).contains("envoyé").contains("30/11/2026 09:00");
        assertThat(page.select("#delivery option[selected]").val()).isEqualTo("INSTANT");

        mvc.perform(post("/me/preferences").with(csrf()).with(adviser("28")).param("delivery", "DAILY_DIGEST")
                .param("minScorePercent", "150").param("language", "en")).andExpect(status().isFound());
        // the name kept, the score bounded to 100 %, the régions left to the admin (not sent)
        verify(api).saveAdviser("conseiller@28.cci.fr", Map.of("name", "Claire", "language", "en", "delivery", "DAILY_DIGEST",
                "minScore", 1.0));
    }

    // the e-mails' links

    @Test
    void anEmailsPreferencesLinkOpensWithoutALoginAndAnUnsignedOneIsRefused() throws Exception {
        when(api.preferencesByLink("signed")).thenReturn(Map.of("email", "conseiller@28.cci.fr", "delivery", "DAILY_DIGEST",
                "minScore", 0.5, "language", "fr"));
        when(api.preferencesByLink("forged")).thenThrow(new ApiProblem(403, "Invalid preferences link", null, List.of()));
        Document page = html(mvc.perform(get("/preferences").param("token", "signed").accept("text/html"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("#delivery option[selected]").val()).isEqualTo("DAILY_DIGEST");
        assertThat(page.getElementById("minScore").val()).isEqualTo("50");
        assertThat(page.select("form").attr("action")).isEqualTo("/preferences?token=signed");
        when(api.savePreferencesByLink("signed", Map.of("language", "en", "delivery", "NONE", "minScore", 0.7)))
                .thenReturn(Map.of("email", "conseiller@28.cci.fr", "delivery", "NONE", "minScore", 0.7, "language", "en"));
        Document saved = html(mvc.perform(post("/preferences").param("token", "signed").param("delivery", "NONE")
                .param("minScorePercent", "70").param("language", "en").with(csrf())).andExpect(status().isOk()).andReturn());
        assertThat(saved.select(".notice.saved").text()).isEqualTo("Préférences enregistrées.");
        assertThat(saved.select("#delivery option[selected]").val()).isEqualTo("NONE");
        Document refused = html(mvc.perform(get("/preferences").param("token", "forged").accept("text/html"))
                .andExpect(status().isForbidden()).andReturn());
        assertThat(refused.select("h1").text()).isEqualTo("Lien expiré ou invalide");
    }

    @Test
    void unsubscribingAsksWhenTheLinkIsOpenedAndTakesAMailClientsOneClickPost() throws Exception {
        Document asked = html(mvc.perform(get("/unsubscribe").param("token", "signed").accept("text/html"))
                .andExpect(status().isOk()).andReturn());
        assertThat(asked.select("form button").text()).isEqualTo("Me désabonner");
        verify(api, never()).unsubscribeByLink(anyString());

        when(api.unsubscribeByLink("signed")).thenReturn(Map.of("email", "conseiller@28.cci.fr", "delivery", "NONE"));
        // RFC 8058: no cookie, no form token, the body a mail client sends
        Document done = html(mvc.perform(post("/unsubscribe").param("token", "signed")
                .contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk()).andReturn());
        assertThat(done.select(".notice.saved").text()).isEqualTo("conseiller@28.cci.fr ne recevra plus d'e-mail de mise en relation.");
        verify(api).unsubscribeByLink("signed");
    }

    @Test
    void aRemindersLinkShowsTheCompanyItsProfileAndConfirmsItOnlyWhenItClicks() throws Exception {
        Map<String, Object> profile = Map.of("companyId", "c1", "name", "Atelier Oublié", "siret", "73282932000074",
                "communeName", "Rouen", "processes", List.of("WEAVING", "DYEING_FINISHING"),
                "certifications", List.of(Map.of("code", "ISO9001", "validUntil", "2028-01-14")),
                "lastConfirmedAt", "2025-10-02T08:00:00Z");
        when(api.profileByLink("signed")).thenReturn(profile);
        when(api.profileByLink("expired")).thenThrow(new ApiProblem(403, "Expired confirmation link", null, List.of()));

        Document page = html(mvc.perform(get("/confirm-profile").param("token", "signed").accept("text/html"))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.select("dl.profile").text()).contains("Atelier Oublié", "Rouen", "WEAVING, DYEING_FINISHING",
                "ISO9001 → 2028-01-14", "2025-10-02");
        assertThat(page.select("form").attr("action")).isEqualTo("/confirm-profile?token=signed");
        verify(api, never()).confirmProfileByLink(anyString());

        when(api.confirmProfileByLink("signed")).thenReturn(Map.of("companyId", "c1", "name", "Atelier Oublié",
                "lastConfirmedAt", "2026-12-01T09:00:00Z"));
        Document done = html(mvc.perform(post("/confirm-profile").param("token", "signed").with(csrf()))
                .andExpect(status().isOk()).andReturn());
        assertThat(done.select(".notice.saved").text()).isEqualTo("Merci : votre profil est confirmé.");
        assertThat(done.select("dl.profile").text()).contains("2026-12-01");
        verify(api).confirmProfileByLink("signed");

        Document refused = html(mvc.perform(get("/confirm-profile").param("token", "expired").accept("text/html"))
                .andExpect(status().isForbidden()).andReturn());
        assertThat(refused.select("h1").text()).isEqualTo("Lien expiré ou invalide");
    }

    // refusals and languages

    @Test
    void aRefusalOfTheServiceIsAPageInThePersonsLanguageWithItsStatus() throws Exception {
        when(api.demand("secret")).thenThrow(new ApiProblem(403, "Forbidden", "A demand is read by staff", List.of()));
        Document french = html(mvc.perform(get("/demands/secret").with(adviser("28"))).andExpect(status().isForbidden()).andReturn());
        assertThat(french.select("h1").text()).isEqualTo("Accès refusé");
        assertThat(french.select("html").attr("lang")).isEqualTo("fr");
        MvcResult english = mvc.perform(get("/demands/secret").param("lang", "en").with(adviser("28")))
                .andExpect(status().isForbidden()).andReturn();
        assertThat(html(english).select("h1").text()).isEqualTo("Access refused");
        assertThat(english.getResponse().getCookie("relocmatch-lang").getValue()).isEqualTo("en");
    }

    private static OidcLoginRequestPostProcessor adviser(String region) {
        return oidcLogin().idToken(token -> token.subject("adviser-" + region).claim("preferred_username", "conseiller." + region)
                .claim("email", "conseiller@" + region + ".cci.fr").claim("roles", List.of("ADVISER"))
                .claim("regions", List.of(region)));
    }

    private static OidcLoginRequestPostProcessor admin(String region) {
        return oidcLogin().idToken(token -> token.subject("admin-" + region).claim("preferred_username", "admin." + region)
                .claim("email", "admin@" + region + ".cci.fr").claim("roles", List.of("REGION_ADMIN"))
                .claim("regions", List.of(region)));
    }

    private static Match decided(String id, String status, String reason, Instant at) {
        Match base = match(id, status, 10.0);
        return new Match(id, 2, status, "d1", base.demandTitle(), null, base.companyId(), base.companyName(), 0.7, 0, 10.0,
                base.explanation(), reason, "a@cci.fr", at, at, at, null, null, List.of());
    }

    private static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static Demand demand(String id, String status, String mode) {
        return new Demand(id, 0, status, null, "Linge de bain", null, false,
                new Demand.Buyer("g1", "55210055400013", "Maison Française SA"), new Demand.Product("CPF", "13.92.12"),
                List.of("WEAVING"), List.of(), List.of(), List.of(), new Demand.Volume(new BigDecimal("120000"), "PIECES", null),
                null, "TEXTILE", LocalDate.parse("2027-06-01"), LocalDate.parse("2027-12-01"),
                new Demand.Location(mode, new Demand.Site("76540", "Rouen", "76", "28"), mode.equals("RADIUS") ? 80 : null,
                        mode.equals("REGIONS") ? List.of("28", "32") : null),
                "conseiller@28.cci.fr", Instant.parse("2026-11-01T08:00:00Z"), Instant.parse("2026-11-01T08:00:00Z"));
    }

    private static Match match(String id, String status, double km) {
        return new Match(id, 1, status, "d1", "Linge de bain", "Maison Française SA", "c-" + id, "Tissages " + id, 0.72, 1, km,
                List.of(new Match.Part("distance", 0.6, 0.25, "18 km of 80 km allowed", "distance.radius",
                                Map.of("km", "18", "maxKm", "80", "region", "28")),
                        new Match.Part("labels", 0, 0.05, "no label", "labels.none", Map.of())),
                status.equals("WITHDRAWN") ? "no longer among the best candidates" : null, null, null,
                Instant.parse("2026-11-01T08:00:00Z"), Instant.parse("2026-11-01T08:00:00Z"), null, null, List.of());
    }

    private static Match withOutcomes(Match m, String outcome, List<Match.Outcome> outcomes) {
        return new Match(m.id(), m.version(), m.status(), m.demandId(), m.demandTitle(), m.buyerName(), m.companyId(),
                m.companyName(), m.score(), m.rank(), m.distanceKm(), m.explanation(), m.reason(), "a@cci.fr",
                m.createdAt(), m.createdAt(), m.updatedAt(), null, outcome, outcomes);
    }
}
