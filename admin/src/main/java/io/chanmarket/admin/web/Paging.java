package io.chanmarket.admin.web;

/** Parses paging query values leniently: a bad number means the first page. */
public final class Paging {

    public static final int PAGE_SIZE = 20;

    private Paging() {
    }

    public static int page(String value) {
        try {
            return Math.max(1, Math.min(100_000, Integer.parseInt(value == null ? "1" : value.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
