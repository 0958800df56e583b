package dev.switchboard.app.cli;

import dev.switchboard.engine.bench.ImportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code switchboard bench-import}: the import benchmark (a program, not a test). */
@Command(name = "bench-import", mixinStandardHelpOptions = true,
        description = {"Benchmark: generates a list of N rows, imports it into a fresh store, then bulk-inserts the"
                + " same normalized rows with plain JDBC batches into another fresh store with the same settings.",
                "Prints import_vs_raw_ratio (target <= 2.0) and the peak heap (target <= 256 MB)."})
final class BenchImportCommand implements Callable<Integer> {
    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Rows (default 1,000,000).")
    int rows;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("switchboard-bench-");
        System.out.println("work folder: " + work);
        ImportBenchmark.run(work, rows, System.out);
        return ExitCodes.OK;
    }
}
