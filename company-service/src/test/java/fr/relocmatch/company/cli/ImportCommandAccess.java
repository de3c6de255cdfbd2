package fr.relocmatch.company.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** Runs {@link ImportCommand} from tests in other packages. */
public final class ImportCommandAccess {

    private ImportCommandAccess() {
    }

    public static Totals run(String url, String token, String adviserEmail, Path file, int chunk, PrintStream out)
            throws Exception {
        ImportCommand.Totals totals = new ImportCommand(url, token, adviserEmail, chunk, out).run(file);
        return new Totals(totals.rows, totals.created, totals.updated, totals.unchanged, totals.rejected);
    }

    /** The totals of an import. */
    public record Totals(long rows, long created, long updated, long unchanged, long rejected) {
    }
}
