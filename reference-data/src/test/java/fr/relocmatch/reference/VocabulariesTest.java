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

    @Test
    void everyCodeIsEitherACertificateHeldWithAValidityOrACompanyLabel() {
        Certifications table = Certifications.shipped();
        for (String code : table.codes()) {
            assertThat(table.certificateProblem(code).isEmpty()).as(code).isNotEqualTo(table.companyLabelProblem(code).isEmpty());
        }
        assertThat(table.isCertificate("OEKO_TEX_100")).as("a product label with a certificate and a validity").isTrue();
        assertThat(table.companyLabelProblem("OEKO_TEX_100")).hasValueSatisfying(m -> assertThat(m).contains("certifications"));
        assertThat(table.certificateProblem("OFG")).hasValueSatisfying(m -> assertThat(m).contains("labels"));
        assertThat(table.certificateProblem("ISO9999")).isPresent();
        assertThat(table.codes().stream().filter(table::isCompanyLabel)).containsExactlyInAnyOrder("OFG", "EPV");
    }

    @Test
    void customsCodesLeadToProductClasses() {
        CustomsCodes codes = CustomsCodes.shipped();
        assertThat(codes.product("630260")).hasValueSatisfying(p -> {
            assertThat(p.label()).startsWith("Toilet linen and kitchen linen, of terry");
            assertThat(p.cpaCodes()).containsExactly("13.92.14");
        });
        assertThat(codes.product("63026000")).hasValueSatisfying(p -> assertThat(p.cpaCodes()).containsExactly("13.92.14"));
        assertThat(codes.product("999999")).isEmpty();
        assertThat(codes.product("6302")).as("a heading is not a product").isEmpty();
        assertThat(codes.search("6302", 100)).extracting(CustomsCodes.Entry::code).contains("630260", "63026000")
                .allMatch(c -> c.startsWith("6302"));
        assertThat(codes.search("terry", 50)).extracting(CustomsCodes.Entry::code).contains("630260");
        assertThat(codes.search("6", 5)).hasSize(5);
        assertThat(NafCodes.shipped().classLabel("13.92")).hasValueSatisfying(l -> assertThat(l).startsWith("Fabrication d'articles textiles"));
    }
}
