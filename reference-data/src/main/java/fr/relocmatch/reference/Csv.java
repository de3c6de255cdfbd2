package fr.relocmatch.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads one of the shipped RFC 4180 tables from the classpath. */
final class Csv {

    private Csv() {
    }

    static List<CSVRecord> read(String file) {
        InputStream in = Csv.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("Reference table missing from the classpath: " + file);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference table " + file, e);
        }
    }

    static List<String> split(String multiValued) {
        return multiValued.isBlank() ? List.of() : List.of(multiValued.split("\\|"));
    }
}
