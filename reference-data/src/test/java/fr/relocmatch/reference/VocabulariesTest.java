package fr.relocmatch.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VocabulariesTest {

    @Test
    void nafAcceptsDottedAndSireneForms() {
        assertThat(NafCodes.shipped().size()).isEqualTo(732);
        assertThat(NafCodes.shipped().normalise("1392z")).contains("13.92Z");
        assertThat(NafCodes.shipped().normalise("13.92Z")).contains("13.92Z");
        assertThat(NafCodes.shipped().normalise("13.99X")).isEmpty();
        assertThat(NafCodes.shipped().label("25.62A")).contains("Décolletage");
    }

    @Test
    void processTaxonomyIsLoadedWithItsNafLinks() {
        ManufacturingProcesses processes = ManufacturingProcesses.shipped();
        assertThat(processes.all()).hasSize(56);
        assertThat(processes.byCode("CNC_MILLING")).hasValueSatisfying(p -> {
            assertThat(p.family()).isEqualTo("METAL");
            assertThat(p.nafCodes()).contains("25.62B");
        });
        assertThat(processes.contains("TELEPORTATION")).isFalse();
    }

    @Test
    void nafAcceptsEveryLevelBelowTheSection() {
        assertThat(NafCodes.shipped().normaliseAnyLevel("13")).contains("13");
        assertThat(NafCodes.shipped().normaliseAnyLevel("13.9")).contains("13.9");
        assertThat(NafCodes.shipped().normaliseAnyLevel("13.92")).contains("13.92");
        assertThat(NafCodes.shipped().normaliseAnyLevel("1392Z")).contains("13.92Z");
        assertThat(NafCodes.shipped().normaliseAnyLevel("00.01")).isEmpty();
        assertThat(NafCodes.shipped().normaliseAnyLevel("C")).isEmpty();
    }

    @Test
    void suggestsProcessesFromANafPrefix() {
        assertThat(ManufacturingProcesses.shipped().forNafPrefix("13.92")).extracting(ManufacturingProcess::code)
                .contains("HOME_TEXTILES", "CUT_AND_SEW").doesNotContain("CNC_MILLING");
    }

    @Test
    void certificationsAreTheShippedTable() {
        assertThat(Certifications.shipped().codes()).hasSize(25).contains("ISO9001", "EN9100", "OFG", "EPV");
        assertThat(Certifications.shipped().contains("ISO9999")).isFalse();
    }
}
