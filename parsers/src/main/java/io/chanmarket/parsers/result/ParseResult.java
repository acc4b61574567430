package io.chanmarket.parsers.result;

import java.util.Objects;

/**
 * The outcome of reading one source page or API reply: values, or a classified failure with a reason in plain words.
 *
 * @param <T>
 *            the values a source delivers ({@link ChannelStats} or {@link AudienceStats})
 */
public sealed interface ParseResult<T> {

    ResultStatus status();

    /** Values read from the source. */
    record Ok<T>(T values) implements ParseResult<T> {
        public Ok {
            Objects.requireNonNull(values);
        }

        @Override
        public ResultStatus status() {
            return ResultStatus.OK;
        }
    }

    /** Anything but values: why, in words an admin can read. */
    record Failed<T>(ResultStatus status, String reason) implements ParseResult<T> {
        public Failed {
            if (status == ResultStatus.OK) {
                throw new IllegalArgumentException("a failure cannot be OK");
            }
            Objects.requireNonNull(reason);
        }
    }

    static <T> ParseResult<T> ok(T values) {
        return new Ok<>(values);
    }

    static <T> ParseResult<T> failed(ResultStatus status, String reason) {
        return new Failed<>(status, reason);
    }

    /** The same failure, typed for another kind of values. */
    default <U> ParseResult<U> castFailure() {
        if (this instanceof Failed<T> failed) {
            return new Failed<>(failed.status(), failed.reason());
        }
        throw new IllegalStateException("not a failure");
    }
}
