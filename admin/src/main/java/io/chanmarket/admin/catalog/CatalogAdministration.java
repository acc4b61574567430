package io.chanmarket.admin.catalog;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.core.catalog.editing.AdExample;
import io.chanmarket.core.catalog.editing.CatalogEditing;
import io.chanmarket.core.catalog.editing.CategoryDraft;
import io.chanmarket.core.catalog.editing.ChannelDraft;
import io.chanmarket.core.catalog.editing.EditableCategory;
import io.chanmarket.core.catalog.editing.EditableChannel;
import io.chanmarket.core.catalog.editing.Review;
import io.chanmarket.core.catalog.editing.SaveResult;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.function.ToLongFunction;

/** Catalog changes from the admin panel, each written to the audit log in the same transaction. */
@Singleton
@Transactional
class CatalogAdministration {

    private final CatalogEditing catalog;
    private final AuditLog audit;

    CatalogAdministration(CatalogEditing catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    SaveResult<EditableCategory> createCategory(AdminPrincipal actor, CategoryDraft draft) {
        return audited(actor, Change.CREATE, "category", null, catalog.createCategory(draft), EditableCategory::id);
    }

    SaveResult<EditableCategory> updateCategory(AdminPrincipal actor, long id, long version, CategoryDraft draft) {
        EditableCategory before = catalog.category(id).orElse(null);
        return audited(actor, Change.UPDATE, "category", before, catalog.updateCategory(id, version, draft),
                EditableCategory::id);
    }

    SaveResult<EditableCategory> deleteCategory(AdminPrincipal actor, long id, long version) {
        return audited(actor, Change.DELETE, "category", null, catalog.deleteCategory(id, version),
                EditableCategory::id);
    }

    SaveResult<EditableChannel> createChannel(AdminPrincipal actor, ChannelDraft draft) {
        return audited(actor, Change.CREATE, "channel", null, catalog.createChannel(draft), EditableChannel::id);
    }

    SaveResult<EditableChannel> updateChannel(AdminPrincipal actor, long id, long version, ChannelDraft draft) {
        EditableChannel before = catalog.channel(id).orElse(null);
        return audited(actor, Change.UPDATE, "channel", before, catalog.updateChannel(id, version, draft),
                EditableChannel::id);
    }

    SaveResult<EditableChannel> setLogo(AdminPrincipal actor, long id, long version, String url) {
        EditableChannel before = catalog.channel(id).orElse(null);
        return audited(actor, Change.UPDATE, "channel", before, catalog.setLogo(id, version, url), EditableChannel::id);
    }

    SaveResult<EditableChannel> deleteChannel(AdminPrincipal actor, long id, long version) {
        return audited(actor, Change.DELETE, "channel", null, catalog.deleteChannel(id, version), EditableChannel::id);
    }

    SaveResult<Review> addReview(AdminPrincipal actor, long channelId, String author, String text, Integer rating) {
        return audited(actor, Change.CREATE, "channel_review", null, catalog.addReview(channelId, author, text, rating),
                Review::id);
    }

    SaveResult<Review> deleteReview(AdminPrincipal actor, long channelId, long id) {
        return audited(actor, Change.DELETE, "channel_review", null, catalog.deleteReview(channelId, id), Review::id);
    }

    SaveResult<AdExample> addAdExample(AdminPrincipal actor, long channelId, String title, String postUrl,
            String imageUrl) {
        return audited(actor, Change.CREATE, "channel_ad_example", null,
                catalog.addAdExample(channelId, title, postUrl, imageUrl), AdExample::id);
    }

    SaveResult<AdExample> deleteAdExample(AdminPrincipal actor, long channelId, long id) {
        return audited(actor, Change.DELETE, "channel_ad_example", null, catalog.deleteAdExample(channelId, id),
                AdExample::id);
    }

    private enum Change {
        CREATE, UPDATE, DELETE
    }

    /**
     * Writes a saved change to the audit log (in the caller's transaction) and passes the result on. The row before is
     * {@code before} for an update, the deleted row for a delete, none for a create; after, the saved row (none for a
     * delete). A result that was not saved (stale, duplicate, in use, missing) is not audited.
     */
    private <T> SaveResult<T> audited(AdminPrincipal actor, Change change, String entity, T before,
            SaveResult<T> result, ToLongFunction<T> id) {
        if (result instanceof SaveResult.Saved<T> saved) {
            T row = saved.value();
            audit.record(actor, change.name(), entity, String.valueOf(id.applyAsLong(row)),
                    change == Change.DELETE ? row : before, change == Change.DELETE ? null : row);
        }
        return result;
    }
}
