package fr.relocmatch.company.profile;

import fr.relocmatch.establishments.EstablishmentFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.relocmatch.company.cli.ImportCommandAccess;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TestIssuer;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TestSirets;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Bulk import of establishments through the endpoint and the CLI, on the real database and broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relocmatch.relay.interval=PT0.5S", "relocmatch.relay.grace=PT1S"})
@WithSharedInfrastructure
class CompanyImportIT {

    private static final String HEADER = "siret,name,naf_code,commune_code,postal_code,headcount_band,kind,processes,"
            + "certifications,labels,sectors,adviser_email,matching_consent";

    @LocalServerPort
    int port;

    @Autowired
    CompanyRepository repository;

    @Test
    void upsertsBySiretReportsRejectedRowsAndChangesNothingOnARerun() {
        JsonApi api = SharedInfrastructure.get().api(port);
        String siret = TestSirets.random();
        String until = LocalDate.now().plusYears(1).toString();
        String csv = HEADER + "\n"
                + siret + ",Fonderie du Vexin,24.51Z,27229,,12,SME,FOUNDRY_FERROUS|CNC_MILLING,ISO9001:" + until
                + ",OFG,AUTOMOTIVE|RAIL,,true\n"
                + "12345678901234,Bad Luhn,24.51Z,27229,,12,SME,FOUNDRY_FERROUS,,,,,true\n"
                + TestSirets.random() + ",Unknown NAF,99.99Q,27229,,12,SME,FOUNDRY_FERROUS,,,,,true\n"
                + TestSirets.random() + ",Unknown commune,24.51Z,99999,,12,SME,FOUNDRY_FERROUS,,,,,true\n"
                + TestSirets.random() + ",Bad certification,24.51Z,27229,,12,SME,FOUNDRY_FERROUS,ISO9001:someday,,,,true\n"
                + TestSirets.random() + ",Bad sector,24.51Z,27229,,12,SME,FOUNDRY_FERROUS,,,SPACESHIPS,,maybe\n";

        JsonNode report = importCsv(api, csv, 2);

        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(5);
        JsonNode rejections = report.get("rejections");
        assertThat(rejections.valueStream().map(r -> r.get("line").asInt())).containsExactly(3, 4, 5, 6, 7);
        // each reason names the file's column, and a row's every fault is said at once
        assertThat(rejections.get(0).get("errors").findValuesAsString("field")).containsExactly("siret");
        assertThat(rejections.get(1).get("errors").findValuesAsString("field")).containsExactly("naf_code");
        assertThat(rejections.get(2).get("errors").findValuesAsString("field")).containsExactly("commune_code");
        assertThat(rejections.get(3).get("errors").findValuesAsString("field")).containsExactly("certifications");
        assertThat(rejections.get(4).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("sectors", "matching_consent");
        assertThat(report.get("readAs").asString()).isEqualTo("UTF-8, separated by ','");
        CompanyDocument imported = repository.findBySiret(siret).orElseThrow();
        assertThat(imported.getAdviserEmail()).as("the default of the import").isEqualTo("import@normandie.cci.fr");
        assertThat(imported.getHeadcountBand()).isEqualTo("12");
        assertThat(imported.getCertifications()).extracting(HeldCertification::code).containsExactly("ISO9001");
        assertThat(imported.isMatchingConsent()).isTrue();

        // Enriched through the API, then imported again: the import keeps what its cells do not say.
        String id = imported.getId();
        assertThat(api.patch("/api/v1/companies/" + id, Map.of("contact", Map.of("name", "Paul", "email", "p@fonderie.fr")),
                null).status()).isEqualTo(200);
        JsonNode again = importCsv(api, csv, 2);
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(repository.findBySiret(siret).orElseThrow().getContact().name()).isEqualTo("Paul");
        assertThat(repository.findBySiret(siret).orElseThrow().getVersion()).isEqualTo(1);

        JsonNode changed = importCsv(api, HEADER + "\n" + siret + ",Fonderie du Vexin,24.51Z,27229,,21,,,,,,,\n", 2);
        assertThat(changed.get("updated").asInt()).isEqualTo(1);
        assertThat(repository.findBySiret(siret).orElseThrow().getHeadcountBand()).isEqualTo("21");
        assertThat(repository.findBySiret(siret).orElseThrow().getProcesses()).containsExactly("FOUNDRY_FERROUS", "CNC_MILLING");
    }

    /**
     * What source systems hold besides the profile: exact headcount, capacity, SIRENE's
     * administrative state, and when the source last confirmed the establishment — so that an
     * imported base does not all look freshly confirmed.
     */
    @Test
    void takesHeadcountCapacityStatusAndTheSourcesLastConfirmation() {
        JsonApi api = SharedInfrastructure.get().api(port);
        String confirmedLongAgo = TestSirets.random();
        String closed = TestSirets.random();
        String header = "siret;name;naf_code;commune_code;headcount;capacity_quantity;capacity_unit;capacity_available_percent;"
                + "status;last_confirmed_at;matching_consent;processes";
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(1);
        String csv = header + "\n"
                + confirmedLongAgo + ";Fonderie du Roumois;24.51Z;27229;37;12 000,5;PIECES;40 %;A;2024-03-15;oui;FOUNDRY_FERROUS\n"
                + closed + ";Ancienne Forge de Bernay;25.50A;27056;;;;;F;;oui;FORGING\n"
                + TestSirets.random() + ";Trois fautes;24.51Z;27229;trente;beaucoup;CRATES;40;SLEEPING;" + tomorrow + ";oui;FOUNDRY_FERROUS\n"
                + TestSirets.random() + ";Capacité sans unité;24.51Z;27229;;5000;;;;;oui;FOUNDRY_FERROUS\n";

        JsonNode report = importCsv(api, csv, 2);

        assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(2);
        JsonNode faults = report.at("/rejections/0/errors");
        assertThat(faults.findValuesAsString("field")).containsExactlyInAnyOrder("headcount", "capacity_quantity",
                "capacity_unit", "status", "last_confirmed_at");
        assertThat(faults.toString()).contains("'trente' is not a whole number", "'SLEEPING' is not one of ACTIVE, INACTIVE, A, F",
                "is in the future", "'CRATES' is not one of [PIECES");
        assertThat(report.at("/rejections/1/errors").findValuesAsString("field")).contains("capacity_unit");
        CompanyDocument foundry = repository.findBySiret(confirmedLongAgo).orElseThrow();
        assertThat(foundry.getHeadcount()).isEqualTo(37);
        assertThat(foundry.getCapacity().annualQuantity()).isEqualByComparingTo("12000.5");
        assertThat(foundry.getCapacity().availablePercent()).isEqualByComparingTo("40");
        assertThat(foundry.getStatus()).isEqualTo(CompanyStatus.ACTIVE);
        assertThat(foundry.getLastConfirmedAt()).isEqualTo(Instant.parse("2024-03-14T23:00:00Z"));
        assertThat(repository.findBySiret(closed).orElseThrow().getStatus()).isEqualTo(CompanyStatus.INACTIVE);

        // the same file again changes nothing; an older confirmation never makes the profile look staler
        assertThat(importCsv(api, csv, 2).get("unchanged").asInt()).isEqualTo(2);
        JsonNode older = importCsv(api, header + "\n" + confirmedLongAgo + ";Fonderie du Roumois;24.51Z;27229;37;;;;;2023-01-01;;\n", 2);
        assertThat(older.get("unchanged").asInt()).isEqualTo(1);
        // a newer confirmation from the source is news on its own
        JsonNode newer = importCsv(api, header + "\n" + confirmedLongAgo + ";Fonderie du Roumois;24.51Z;27229;37;;;;;2025-06-02;;\n", 2);
        assertThat(newer.get("updated").asInt()).isEqualTo(1);
        assertThat(repository.findBySiret(confirmedLongAgo).orElseThrow().getLastConfirmedAt())
                .isEqualTo(Instant.parse("2025-06-01T22:00:00Z"));
        assertThat(repository.findBySiret(confirmedLongAgo).orElseThrow().getCapacity().unit().name()).isEqualTo("PIECES");
    }

    /**
     * A CCI's base as French Excel saves it: Windows-1252, semicolons, CRLF, a header in capitals,
     * accented names, a quoted name holding a semicolon, a blank line, one establishment entered
     * twice (line 3 and line 7), a row with three faults, consent written oui/non/1.
     */
    static byte[] excelExport(String siretA, String siretB, String siretC, String siretD) {
        String csv = "SIRET;Name;NAF_code;Commune_code;Headcount_band;Processes;Matching_consent\r\n"
                + siretA + ";Société Tissages de l'Eure;13.20Z;27229;12;WEAVING;oui\r\n"
                + siretB + ";\"Broderies « Normandes »; atelier\";13.99Z;76540;11;EMBROIDERY;non\r\n"
                + "\r\n"
                + siretC + ";Filature d'Elbeuf;13.10Z;76231;21;SPINNING;1\r\n"
                + "12345678901234;Tricotage à trois fautes;99.99Q;7654;11;KNITTING;peut-être\r\n"
                + siretB + ";Broderies Normandes (deuxième saisie);13.99Z;76540;12;EMBROIDERY;oui\r\n"
                + siretD + ";Mécanique Générale du Havre;25.62B;76351;11;CNC_MILLING;0\r\n";
        return csv.getBytes(Charset.forName("windows-1252"));
    }

    @Test
    void readsAFrenchExcelExportRejectsARepeatedSiretAndEveryFaultOfARowAndARerunChangesNothing() {
        JsonApi api = SharedInfrastructure.get().api(port);
        String a = TestSirets.random();
        String b = TestSirets.random();
        String c = TestSirets.random();
        String d = TestSirets.random();
        byte[] file = excelExport(a, b, c, d);

        JsonNode report = importBytes(api, file);

        assertThat(report.get("readAs").asString()).isEqualTo("Windows-1252, separated by ';'");
        assertThat(report.get("created").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").asInt()).isEqualTo(3);
        JsonNode rejections = report.get("rejections");
        assertThat(rejections.valueStream().map(r -> r.get("line").asInt())).containsExactly(3, 6, 7);
        assertThat(rejections.get(0).at("/errors/0/message").asString()).startsWith("this SIRET is also on line 7");
        assertThat(rejections.get(2).at("/errors/0/message").asString()).startsWith("this SIRET is also on line 3");
        assertThat(rejections.get(1).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("siret", "naf_code", "commune_code", "matching_consent");
        assertThat(rejections.get(1).toString()).contains("true, false, oui, non, yes, no, 1, 0");
        assertThat(repository.findBySiret(b)).as("neither row of a repeated SIRET").isEmpty();
        CompanyDocument eure = repository.findBySiret(a).orElseThrow();
        assertThat(eure.getName()).isEqualTo("Société Tissages de l'Eure");
        assertThat(eure.isMatchingConsent()).isTrue();
        assertThat(repository.findBySiret(c).orElseThrow().isMatchingConsent()).isTrue();
        assertThat(repository.findBySiret(d).orElseThrow().isMatchingConsent()).isFalse();
        assertThat(repository.findBySiret(d).orElseThrow().getName()).isEqualTo("Mécanique Générale du Havre");

        JsonNode again = importBytes(api, file);
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("rejected").asInt()).isEqualTo(3);
        assertThat(repository.findBySiret(a).orElseThrow().getVersion()).as("never updated").isZero();
    }

    @Test
    void aUtf8FileWithItsByteOrderMarkIsReadAsUtf8() {
        String siret = TestSirets.random();
        byte[] csv = ("\uFEFFsiret,name,naf_code,commune_code,processes,matching_consent\n"
                + siret + ",Étoffes d'Évreux,13.92Z,27229,CUT_AND_SEW,yes\n").getBytes(StandardCharsets.UTF_8);

        JsonNode report = importBytes(SharedInfrastructure.get().api(port), csv);

        assertThat(report.get("readAs").asString()).isEqualTo("UTF-8 with byte order mark, separated by ','");
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(repository.findBySiret(siret).orElseThrow().getName()).isEqualTo("Étoffes d'Évreux");
    }

    @Test
    void refusesAFileWithoutTheRequiredColumns() {
        JsonApi.Response answer = SharedInfrastructure.get().api(port).send("/api/v1/companies/import", "POST", "text/csv",
                "siret,label\n123,foo\n", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("header");
    }

    private static final String ADMIN = SharedInfrastructure.get().issuer().token(TestIssuer.ADMIN_28);

    @Test
    void theCliImportsGeneratedRowsInChunksWithProgressAndWritesTheRejects(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("establishments.csv");
        int rows = 1_500; // three chunks of 500: progress, rejects across chunks and an idempotent re-run
        List<Integer> badLines = generate(file, rows);
        var progress = new ByteArrayOutputStream();

        long started = System.nanoTime();
        ImportCommandAccess.Totals totals = ImportCommandAccess.run("http://127.0.0.1:" + port, ADMIN, "import@normandie.cci.fr", file, 500,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(totals.rows()).isEqualTo(rows);
        assertThat(totals.rejected()).isEqualTo(badLines.size());
        assertThat(totals.created()).isEqualTo(rows - badLines.size());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[########################################] 1500/1500 rows");
        EstablishmentFile rejects = EstablishmentFile.read(
                Files.readAllBytes(dir.resolve("establishments.csv.rejects.csv")));
        assertThat(rejects.rows()).extracting(r -> Integer.parseInt(rejects.value(r, "line")))
                .containsExactlyElementsOf(badLines);
        assertThat(rejects.rows()).allSatisfy(r -> assertThat(rejects.value(r, "rejected_because")).isNotBlank());
        System.out.printf("Imported %d rows in %.1f s: %.0f rows/s%n", rows, seconds, rows / seconds);

        ImportCommandAccess.Totals rerun = ImportCommandAccess.run("http://127.0.0.1:" + port, ADMIN, "import@normandie.cci.fr", file, 500,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(rerun.unchanged()).isEqualTo(rows - badLines.size());
        assertThat(rerun.created()).isZero();
    }

    @Test
    void theCliReadsAFrenchExcelExportAndGivesBackTheRejectedRowsAsTheyWere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("base-cci.csv");
        byte[] excel = excelExport(TestSirets.random(), TestSirets.random(), TestSirets.random(), TestSirets.random());
        Files.write(file, excel);
        var progress = new ByteArrayOutputStream();

        ImportCommandAccess.Totals totals = ImportCommandAccess.run("http://127.0.0.1:" + port, ADMIN, "import@normandie.cci.fr",
                file, 2, new PrintStream(progress, true, StandardCharsets.UTF_8)); // chunks of 2: the repeated SIRET spans them

        assertThat(totals.created()).isEqualTo(3);
        assertThat(totals.rejected()).isEqualTo(3);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("read as Windows-1252, separated by ';'");
        String rejects = new String(Files.readAllBytes(dir.resolve("base-cci.csv.rejects.csv")),
                Charset.forName("windows-1252"));
        String[] original = new String(excel, Charset.forName("windows-1252")).split("\r\n");
        assertThat(rejects.split("\r\n")).hasSize(4);
        assertThat(rejects).startsWith(original[0] + ";line;rejected_because\r\n")
                .contains(original[2] + ";3;\"siret: this SIRET is also on line 7")
                .contains(original[5] + ";6;\"")
                .contains(original[6] + ";7;\"siret: this SIRET is also on line 3");

        ImportCommandAccess.Totals rerun = ImportCommandAccess.run("http://127.0.0.1:" + port, ADMIN, "import@normandie.cci.fr",
                file, 500, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(rerun.unchanged()).isEqualTo(3);
        assertThat(rerun.updated()).isZero();
    }

    @Test
    void theCliRefusesAFileWithoutTheColumnsBeforeSendingAnything(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, "siren;raison sociale\n820471936;Tissages\n");

        assertThatThrownBy(() -> ImportCommandAccess.run("http://127.0.0.1:" + port, ADMIN, null, file, 500,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .hasMessageContaining("lacks the column(s) [siret, name, naf_code, commune_code or postal_code]")
                .hasMessageContaining("separated by ';'").hasMessageContaining("[siren, raison sociale]");
        assertThat(dir.resolve("contacts.csv.rejects.csv")).doesNotExist();
    }

    @Test
    void theCliStopsAtOnceWithoutARegionAdminsTokenAndSaysWhichOneItNeeds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("establishments.csv");
        generate(file, 1_200);
        String adviser = SharedInfrastructure.get().issuer().token(TestIssuer.ADVISER_28);
        long before = registered();

        for (String token : Arrays.asList(null, adviser)) {
            assertThatThrownBy(() -> ImportCommandAccess.run("http://127.0.0.1:" + port, token, null, file, 500,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                    .hasMessageContaining("imports are run by a région admin")
                    .hasMessageContaining(token == null ? "(401)" : "(403)");
        }
        assertThat(registered()).isEqualTo(before);
    }

    private long registered() {
        return SharedInfrastructure.get().api(port).get("/api/v1/companies?size=1").json().get("totalElements").asLong();
    }

    /** Writes realistic rows; every 97th is broken in one of several ways. Answers the broken lines. */
    private static List<Integer> generate(Path file, int rows) throws IOException {
        Random random = new Random(42);
        String[][] trades = {{"25.62B", "CNC_MILLING|CNC_TURNING"}, {"13.92Z", "CUT_AND_SEW|HOME_TEXTILES"},
                {"22.29A", "INJECTION_MOULDING"}, {"24.51Z", "FOUNDRY_FERROUS"}, {"13.20Z", "WEAVING"}};
        String[] communes = {"76540", "27229", "80021", "14118", "50129", "61001", "59350", "62041"};
        String[] bands = {"01", "02", "03", "11", "12", "21", "22", "31"};
        String until = LocalDate.now().plusYears(2).toString();
        List<String> lines = new ArrayList<>(List.of(HEADER));
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String[] trade = trades[random.nextInt(trades.length)];
            String siret = TestSirets.random();
            String naf = trade[0];
            String commune = communes[random.nextInt(communes.length)];
            if (i % 97 == 13) {
                bad.add(i + 2);
                switch (i % 3) {
                    case 0 -> siret = siret.substring(0, 13) + ((siret.charAt(13) - '0' + 1) % 10);
                    case 1 -> naf = "00.00X";
                    default -> commune = "00000";
                }
            }
            lines.add(String.join(",", siret, "Etablissement " + i, naf, commune, "", bands[random.nextInt(bands.length)],
                    "SME", trade[1], random.nextBoolean() ? "ISO9001:" + until : "", "", "", "", "true"));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return bad;
    }

    private static JsonNode importBytes(JsonApi api, byte[] csv) {
        JsonApi.Response answer = api.postBytes("/api/v1/companies/import?adviserEmail=import@normandie.cci.fr", "text/csv", csv);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode importCsv(JsonApi api, String csv, int firstLine) {
        JsonApi.Response answer = api.send("/api/v1/companies/import?adviserEmail=import@normandie.cci.fr&firstLine="
                + firstLine, "POST", "text/csv", csv, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
