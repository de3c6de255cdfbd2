package fr.relocmatch.establishments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EstablishmentFileTest {

    /** What French Excel writes for "CSV (séparateur : point-virgule)": Windows-1252, ';', CRLF. */
    static final String EXCEL_FR = "SIRET;Nom;naf_code;commune_code;headcount_band;processes;matching_consent\r\n"
            + "82047193600014;Société Tissages de l'Eure;13.20Z;27229;12;WEAVING;oui\r\n"
            + "44306184100047;\"Broderies « Normandes »; atelier\";13.99Z;76540;11;EMBROIDERY;non\r\n"
            + "\r\n"
            + "82047193600014;Tissages de l'Eure (2e saisie);13.20Z;27229;21;WEAVING;oui\r\n"
            + "55210055400013;\"Confection\r\ncauchoise\";14.13Z;76217;12;SEWING;1\r\n"
            + "73282932000074;Mécanique du Havre;25.62B;76351;11;CNC_MILLING;0\r\n";

    @Test
    void readsAFrenchExcelExportInWindows1252WithSemicolons() {
        EstablishmentFile file = EstablishmentFile.read(EXCEL_FR.getBytes(EstablishmentFile.WINDOWS_1252));

        assertThat(file.encoding()).isEqualTo("Windows-1252");
        assertThat(file.separator()).isEqualTo(';');
        assertThat(file.describe()).isEqualTo("Windows-1252, separated by ';'");
        assertThat(file.columns()).startsWith("siret", "nom", "naf_code");
        assertThat(file.rows()).extracting(EstablishmentFile.Row::line).containsExactly(2, 3, 5, 6, 8);
        assertThat(file.value(file.rows().get(0), "nom")).isEqualTo("Société Tissages de l'Eure");
        assertThat(file.value(file.rows().get(1), "nom")).isEqualTo("Broderies « Normandes »; atelier");
        assertThat(file.value(file.rows().get(3), "nom")).isEqualTo("Confection\r\ncauchoise");
        assertThat(file.rows().get(3).text()).isEqualTo("55210055400013;\"Confection\r\ncauchoise\";14.13Z;76217;12;SEWING;1");
        assertThat(file.missingColumns()).containsExactly("name");
    }

    @Test
    void aSiretOnSeveralRowsIsNamedWithTheOtherLines() {
        EstablishmentFile file = EstablishmentFile.read(EXCEL_FR.getBytes(EstablishmentFile.WINDOWS_1252));

        Map<EstablishmentFile.Row, List<Integer>> repeated = file.repeatedSirets();

        assertThat(repeated.keySet()).extracting(EstablishmentFile.Row::line).containsExactly(2, 5);
        assertThat(repeated.get(file.rows().get(0))).containsExactly(5);
        assertThat(EstablishmentFile.repeatedReason(List.of(5))).startsWith("this SIRET is also on line 5");
    }

    @Test
    void rejectsComeBackAsWrittenInTheFilesEncodingAndSeparator() {
        EstablishmentFile file = EstablishmentFile.read(EXCEL_FR.getBytes(EstablishmentFile.WINDOWS_1252));

        byte[] rejects = file.rejects(List.of(new EstablishmentFile.Rejected(file.rows().get(1), "naf_code: \"99\" unknown"),
                new EstablishmentFile.Rejected(file.rows().get(3), "siret: fails the check digit")));

        String text = new String(rejects, EstablishmentFile.WINDOWS_1252);
        assertThat(text).isEqualTo("SIRET;Nom;naf_code;commune_code;headcount_band;processes;matching_consent;line;rejected_because\r\n"
                + "44306184100047;\"Broderies « Normandes »; atelier\";13.99Z;76540;11;EMBROIDERY;non;3;\"naf_code: \"\"99\"\" unknown\"\r\n"
                + "55210055400013;\"Confection\r\ncauchoise\";14.13Z;76217;12;SEWING;1;6;\"siret: fails the check digit\"\r\n");
        EstablishmentFile again = EstablishmentFile.read(rejects);
        assertThat(again.encoding()).isEqualTo("Windows-1252");
        assertThat(again.value(again.rows().get(0), "rejected_because")).isEqualTo("naf_code: \"99\" unknown");
    }

    @Test
    void readsUtf8WithItsByteOrderMarkAndCommasAndKeepsTheMarkInTheRejects() {
        String csv = "\uFEFF Siret ,name,naf_code,postal_code\n82047193600014,Tissages d'Évreux,13.20Z,27000\n";

        EstablishmentFile file = EstablishmentFile.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(file.describe()).isEqualTo("UTF-8 with byte order mark, separated by ','");
        assertThat(file.columns()).containsExactly("siret", "name", "naf_code", "postal_code");
        assertThat(file.value(file.rows().getFirst(), "name")).isEqualTo("Tissages d'Évreux");
        assertThat(file.missingColumns()).isEmpty();
        byte[] rejects = file.rejects(List.of(new EstablishmentFile.Rejected(file.rows().getFirst(), "why")));
        assertThat(rejects).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(rejects, StandardCharsets.UTF_8)).contains("Tissages d'Évreux,13.20Z,27000,2,\"why\"");
    }

    @Test
    void readsUtf8WithoutMarkAndTabs() {
        EstablishmentFile file = EstablishmentFile.read("siret\tname\tnaf_code\tcommune_code\n1\tÉ, é\t13.20Z\t27229\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(file.describe()).isEqualTo("UTF-8, separated by tabs");
        assertThat(file.value(file.rows().getFirst(), "name")).isEqualTo("É, é");
    }

    @Test
    void aDeclaredCharsetOtherThanUtf8IsBelieved() {
        byte[] latin1 = "siret,name\n1,Côte\n".getBytes(StandardCharsets.ISO_8859_1);

        EstablishmentFile file = EstablishmentFile.read(latin1, StandardCharsets.ISO_8859_1);

        assertThat(file.encoding()).isEqualTo("ISO-8859-1");
        assertThat(file.value(file.rows().getFirst(), "name")).isEqualTo("Côte");
        assertThat(EstablishmentFile.read(latin1, StandardCharsets.UTF_8).encoding())
                .as("declared UTF-8 but is not: detected").isEqualTo("Windows-1252");
    }

    @Test
    void chunksAreSentAsPlainCommaSeparatedUtf8ThatReadsTheSame() {
        EstablishmentFile file = EstablishmentFile.read(EXCEL_FR.getBytes(EstablishmentFile.WINDOWS_1252));

        String chunk = file.csv(file.rows().subList(1, 4));
        EstablishmentFile sent = EstablishmentFile.read(chunk.getBytes(StandardCharsets.UTF_8));

        assertThat(sent.separator()).isEqualTo(',');
        assertThat(sent.columns()).isEqualTo(file.columns());
        assertThat(sent.rows()).extracting(EstablishmentFile.Row::values)
                .containsExactlyElementsOf(file.rows().subList(1, 4).stream().map(EstablishmentFile.Row::values).toList());
    }

    @Test
    void anUnreadableOrEmptyFileIsSaidSo() {
        assertThatThrownBy(() -> EstablishmentFile.read("\n\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EstablishmentFile.UnreadableFile.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> EstablishmentFile.read("siret,name\n1,\"never closed\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EstablishmentFile.UnreadableFile.class).hasMessageContaining("not readable CSV");
    }
}
