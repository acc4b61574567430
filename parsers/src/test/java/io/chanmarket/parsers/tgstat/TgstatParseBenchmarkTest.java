package io.chanmarket.parsers.tgstat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A short run of {@link TgstatParseBenchmark} with loose bounds (the machine is shared), so a parser change that makes
 * parsing many times slower or unbounded in memory fails the build. The README quotes a full run.
 */
class TgstatParseBenchmarkTest {

    @Test
    void parsingTheRealPageStaysFastAndSmall() {
        TgstatParseBenchmark.Result result = TgstatParseBenchmark.run(200, 200);

        assertThat(result.medianMs()).isLessThan(50);
        assertThat(result.bytesPerParse()).isLessThan(8L * 1024 * 1024);
    }
}
