package io.chanmarket.parsers.tgstat;

import io.chanmarket.parsers.Fixtures;
import io.chanmarket.parsers.result.ParseResult;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parse time and allocation of the real TGStat stat page (a documented main, no JMH): warms up, then times single
 * parses and reports the median, p90, p99 and the bytes allocated per parse. Run it with
 * {@code mvn -pl parsers -am test-compile} and then {@code java -cp <test classpath>
 * io.chanmarket.parsers.tgstat.TgstatParseBenchmark} (see README "Parsers").
 */
public final class TgstatParseBenchmark {

    /** The measured numbers. */
    public record Result(double medianMs, double p90Ms, double p99Ms, long bytesPerParse) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.3f ms, p90 %.3f ms, p99 %.3f ms, %,d bytes allocated per parse",
                    medianMs, p90Ms, p99Ms, bytesPerParse);
        }
    }

    private TgstatParseBenchmark() {
    }

    public static Result run(int warmup, int measured) {
        byte[] page = Fixtures.bytes("tgstat/channel_stat_rian_ru.html");
        TgstatPageParser parser = new TgstatPageParser();
        for (int i = 0; i < warmup; i++) {
            check(parser.parse(page, null));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[] nanos = new long[measured];
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            check(parser.parse(page, null));
            nanos[i] = System.nanoTime() - start;
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        Arrays.sort(nanos);
        return new Result(nanos[measured / 2] / 1e6, nanos[(int) (measured * 0.9)] / 1e6,
                nanos[(int) (measured * 0.99)] / 1e6, allocated / measured);
    }

    private static void check(ParseResult<?> result) {
        if (!(result instanceof ParseResult.Ok<?>)) {
            throw new IllegalStateException("the page did not parse: " + result);
        }
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        System.out.println("TGStat stat page (" + Fixtures.bytes("tgstat/channel_stat_rian_ru.html").length
                + " bytes), " + measured + " parses after " + warmup + " warm-up: " + run(warmup, measured));
    }
}
