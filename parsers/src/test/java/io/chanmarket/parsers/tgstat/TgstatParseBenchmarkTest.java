package io.chanmarket.parsers.tgstat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Memory per parse is bounded: a short run of {@link TgstatParseBenchmark} checks the bytes allocated per parse of the
 * real page (a count, not a time, so it does not depend on how busy the machine is). Speed is measured by the benchmark
 * itself; the README quotes a full run.
 */
class TgstatParseBenchmarkTest {

    @Test
    void parsingTheRealPageAllocatesABoundedAmount() {
        TgstatParseBenchmark.Result result = TgstatParseBenchmark.run(200, 200);

        assertThat(result.bytesPerParse()).isPositive().isLessThan(8L * 1024 * 1024);
    }
}
