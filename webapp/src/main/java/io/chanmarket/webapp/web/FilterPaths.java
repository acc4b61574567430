package io.chanmarket.webapp.web;

/**
 * Paths of the server filters, as regular expressions ({@code FilterPatternStyle.REGEX}) rather than Ant patterns.
 * Micronaut matches every filter's patterns against every request's path; an Ant pattern splits both into tokens on
 * each match, which was 7.7% of the CPU samples under {@code GET /ads} load (docs/benchmarks.md), while a regular
 * expression is compiled once and matched in place.
 */
public final class FilterPaths {

    /** Every path. */
    public static final String ALL = ".*";

    private FilterPaths() {
    }
}
