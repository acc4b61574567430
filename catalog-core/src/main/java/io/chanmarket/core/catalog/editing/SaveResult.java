package io.chanmarket.core.catalog.editing;

/** What saving an edit led to. */
public sealed interface SaveResult<T> {

    /** Stored; {@code value} is the row as it is now. */
    record Saved<T>(T value) implements SaveResult<T> {
    }

    /** Someone else saved first (the version moved on); {@code current} is their version of the row. */
    record Stale<T>(T current) implements SaveResult<T> {
    }

    /** A unique field ({@code slug}, {@code username}) already belongs to another row. */
    record Duplicate<T>(String field) implements SaveResult<T> {
    }

    /** The row is still used (a category with channels, a row another table references). */
    record InUse<T>() implements SaveResult<T> {
    }

    record NotFound<T>() implements SaveResult<T> {
    }
}
