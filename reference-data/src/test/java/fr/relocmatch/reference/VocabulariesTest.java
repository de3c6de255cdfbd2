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
}
