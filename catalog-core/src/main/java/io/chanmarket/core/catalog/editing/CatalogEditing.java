package io.chanmarket.core.catalog.editing;

import io.chanmarket.core.platform.shared.PageOf;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The catalog as the admin panel edits it. Updates and deletes name the {@code version} the editor saw; when the row
 * has moved on since, nothing is written and {@link SaveResult.Stale} carries the current row. Every method runs in (or
 * joins) a transaction, so callers can audit in the same one.
 */
@Singleton
@Transactional
public class CatalogEditing {

    private final CategoryEditRepository categories;
    private final CategoryRows categoryRows;
    private final ChannelEditRepository channels;
    private final ChannelExtraRows.Reviews reviews;
    private final ChannelExtraRows.AdExamples adExamples;

    CatalogEditing(CategoryEditRepository categories, CategoryRows categoryRows, ChannelEditRepository channels,
            ChannelExtraRows.Reviews reviews, ChannelExtraRows.AdExamples adExamples) {
        this.categories = categories;
        this.categoryRows = categoryRows;
        this.channels = channels;
        this.reviews = reviews;
        this.adExamples = adExamples;
    }

    // Categories

    public PageOf<EditableCategory> categories(String search, int page, int size) {
        return categories.page(search, page, size);
    }

    public List<EditableCategory> allCategories() {
        return categories.all();
    }

    public Optional<EditableCategory> category(long id) {
        return categories.find(id);
    }

    public SaveResult<EditableCategory> createCategory(CategoryDraft draft) {
        if (categoryRows.existsBySlug(draft.slug())) {
            return new SaveResult.Duplicate<>("slug");
        }
        return new SaveResult.Saved<>(categories.find(categoryRows.save(CategoryRow.of(draft)).id()).orElseThrow());
    }

    public SaveResult<EditableCategory> updateCategory(long id, long version, CategoryDraft draft) {
        Optional<EditableCategory> current = categories.find(id);
        if (current.isEmpty()) {
            return new SaveResult.NotFound<>();
        }
        if (current.get().version() != version) {
            return new SaveResult.Stale<>(current.get());
        }
        if (categoryRows.existsBySlugAndIdNotEqual(draft.slug(), id)) {
            return new SaveResult.Duplicate<>("slug");
        }
        try {
            categoryRows.update(CategoryRow.edited(current.get(), version, draft));
        } catch (OptimisticLockException e) {
            return new SaveResult.Stale<>(categories.find(id).orElseThrow());
        }
        return new SaveResult.Saved<>(categories.find(id).orElseThrow());
    }

    /** Deletes an empty category; {@link SaveResult.Saved} carries the deleted row. */
    public SaveResult<EditableCategory> deleteCategory(long id, long version) {
        Optional<EditableCategory> current = categories.find(id);
        if (current.isEmpty()) {
            return new SaveResult.NotFound<>();
        }
        if (current.get().version() != version) {
            return new SaveResult.Stale<>(current.get());
        }
        if (current.get().channelCount() > 0) {
            return new SaveResult.InUse<>();
        }
        int deleted = categories.delete(id, version);
        if (deleted == Sql.REFERENCED) {
            return new SaveResult.InUse<>();
        }
        return deleted == 1 ? new SaveResult.Saved<>(current.get())
                : new SaveResult.Stale<>(categories.find(id).orElseThrow());
    }

    // Channels

    public PageOf<ChannelListItem> channels(ChannelQuery query) {
        return channels.page(query);
    }

    public Optional<EditableChannel> channel(long id) {
        return channels.find(id);
    }

    public SaveResult<EditableChannel> createChannel(ChannelDraft draft) {
        if (draft.username() != null && channels.usernameTaken(draft.username(), -1)) {
            return new SaveResult.Duplicate<>("username");
        }
        long id = channels.insert(draft);
        channels.refreshCpm(id);
        return new SaveResult.Saved<>(channels.find(id).orElseThrow());
    }

    public SaveResult<EditableChannel> updateChannel(long id, long version, ChannelDraft draft) {
        Optional<EditableChannel> current = channels.find(id);
        if (current.isEmpty()) {
            return new SaveResult.NotFound<>();
        }
        if (current.get().version() != version) {
            return new SaveResult.Stale<>(current.get());
        }
        if (draft.username() != null && channels.usernameTaken(draft.username(), id)) {
            return new SaveResult.Duplicate<>("username");
        }
        if (!channels.update(id, version, draft)) {
            return new SaveResult.Stale<>(channels.find(id).orElseThrow());
        }
        channels.refreshCpm(id);
        return new SaveResult.Saved<>(channels.find(id).orElseThrow());
    }

    /** Points the channel at a stored logo. */
    public SaveResult<EditableChannel> setLogo(long id, long version, String logoUrl) {
        Optional<EditableChannel> current = channels.find(id);
        if (current.isEmpty()) {
            return new SaveResult.NotFound<>();
        }
        if (current.get().version() != version || !channels.setLogo(id, version, logoUrl)) {
            return new SaveResult.Stale<>(current.get());
        }
        return new SaveResult.Saved<>(channels.find(id).orElseThrow());
    }

    /**
     * Deletes a channel with its reviews, ad examples and history; {@link SaveResult.Saved} carries the deleted row,
     * {@link SaveResult.InUse} says that another table (favorites, events, ...) still references it: hide it instead.
     */
    public SaveResult<EditableChannel> deleteChannel(long id, long version) {
        Optional<EditableChannel> current = channels.find(id);
        if (current.isEmpty()) {
            return new SaveResult.NotFound<>();
        }
        if (current.get().version() != version) {
            return new SaveResult.Stale<>(current.get());
        }
        int deleted = channels.delete(id, version);
        if (deleted == Sql.REFERENCED) {
            return new SaveResult.InUse<>();
        }
        return deleted == 1 ? new SaveResult.Saved<>(current.get()) : new SaveResult.Stale<>(current.get());
    }

    // Reviews and ad examples

    public List<Review> reviews(long channelId) {
        return reviews.findByChannelId(channelId, ChannelExtraRows.NEWEST_FIRST).stream()
                .map(ChannelExtraRows.ReviewRow::review).toList();
    }

    public SaveResult<Review> addReview(long channelId, String author, String text, Integer rating) {
        if (channels.find(channelId).isEmpty()) {
            return new SaveResult.NotFound<>();
        }
        return new SaveResult.Saved<>(
                reviews.save(new ChannelExtraRows.ReviewRow(null, channelId, author, text, rating, null)).review());
    }

    public SaveResult<Review> deleteReview(long channelId, long id) {
        Optional<ChannelExtraRows.ReviewRow> review = reviews.findByIdAndChannelId(id, channelId);
        if (review.isEmpty() || reviews.deleteByIdAndChannelId(id, channelId) != 1) {
            return new SaveResult.NotFound<>();
        }
        return new SaveResult.Saved<>(review.get().review());
    }

    public List<AdExample> adExamples(long channelId) {
        return adExamples.findByChannelId(channelId, ChannelExtraRows.NEWEST_FIRST).stream()
                .map(ChannelExtraRows.AdExampleRow::example).toList();
    }

    public SaveResult<AdExample> addAdExample(long channelId, String title, String postUrl, String imageUrl) {
        if (channels.find(channelId).isEmpty()) {
            return new SaveResult.NotFound<>();
        }
        return new SaveResult.Saved<>(adExamples
                .save(new ChannelExtraRows.AdExampleRow(null, channelId, title, postUrl, imageUrl, null)).example());
    }

    public SaveResult<AdExample> deleteAdExample(long channelId, long id) {
        Optional<ChannelExtraRows.AdExampleRow> example = adExamples.findByIdAndChannelId(id, channelId);
        if (example.isEmpty() || adExamples.deleteByIdAndChannelId(id, channelId) != 1) {
            return new SaveResult.NotFound<>();
        }
        return new SaveResult.Saved<>(example.get().example());
    }
}
