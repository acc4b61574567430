package io.chanmarket.core.catalog.editing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A channel's reviews and ad examples (Micronaut Data): rows an admin adds and deletes, never edits. */
final class ChannelExtraRows {

    /** Newest first. */
    static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private ChannelExtraRows() {
    }

    @MappedEntity("channel_review")
    record ReviewRow(@Id @GeneratedValue @Nullable Long id, long channelId, String author, String text,
            @Nullable Integer rating, @DateCreated @Nullable Instant createdAt) {

        Review review() {
            return new Review(id, channelId, author, text, rating, createdAt);
        }
    }

    @MappedEntity("channel_ad_example")
    record AdExampleRow(@Id @GeneratedValue @Nullable Long id, long channelId, String title, @Nullable String postUrl,
            @Nullable String imageUrl, @DateCreated @Nullable Instant createdAt) {

        AdExample example() {
            return new AdExample(id, channelId, title, postUrl, imageUrl, createdAt);
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Reviews extends CrudRepository<ReviewRow, Long> {

        List<ReviewRow> findByChannelId(long channelId, Sort sort);

        Optional<ReviewRow> findByIdAndChannelId(Long id, long channelId);

        int deleteByIdAndChannelId(Long id, long channelId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AdExamples extends CrudRepository<AdExampleRow, Long> {

        List<AdExampleRow> findByChannelId(long channelId, Sort sort);

        Optional<AdExampleRow> findByIdAndChannelId(Long id, long channelId);

        int deleteByIdAndChannelId(Long id, long channelId);
    }
}
