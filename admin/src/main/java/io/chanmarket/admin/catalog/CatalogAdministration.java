package io.chanmarket.admin.catalog;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.auth.AdminPrincipal;
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
        SaveResult<EditableCategory> result = catalog.createCategory(draft);
        if (result instanceof SaveResult.Saved<EditableCategory> saved) {
            audit.record(actor, "CREATE", "category", id(saved.value().id()), null, saved.value());
        }
        return result;
    }

    SaveResult<EditableCategory> updateCategory(AdminPrincipal actor, long id, long version, CategoryDraft draft) {
        EditableCategory before = catalog.category(id).orElse(null);
        SaveResult<EditableCategory> result = catalog.updateCategory(id, version, draft);
        if (result instanceof SaveResult.Saved<EditableCategory> saved) {
            audit.record(actor, "UPDATE", "category", id(id), before, saved.value());
        }
        return result;
    }

    SaveResult<EditableCategory> deleteCategory(AdminPrincipal actor, long id, long version) {
        SaveResult<EditableCategory> result = catalog.deleteCategory(id, version);
        if (result instanceof SaveResult.Saved<EditableCategory> saved) {
            audit.record(actor, "DELETE", "category", id(id), saved.value(), null);
        }
        return result;
    }

    SaveResult<EditableChannel> createChannel(AdminPrincipal actor, ChannelDraft draft) {
        SaveResult<EditableChannel> result = catalog.createChannel(draft);
        if (result instanceof SaveResult.Saved<EditableChannel> saved) {
            audit.record(actor, "CREATE", "channel", id(saved.value().id()), null, saved.value());
        }
        return result;
    }

    SaveResult<EditableChannel> updateChannel(AdminPrincipal actor, long id, long version, ChannelDraft draft) {
        EditableChannel before = catalog.channel(id).orElse(null);
        SaveResult<EditableChannel> result = catalog.updateChannel(id, version, draft);
        if (result instanceof SaveResult.Saved<EditableChannel> saved) {
            audit.record(actor, "UPDATE", "channel", id(id), before, saved.value());
        }
        return result;
    }

    SaveResult<EditableChannel> setLogo(AdminPrincipal actor, long id, long version, String url) {
        EditableChannel before = catalog.channel(id).orElse(null);
        SaveResult<EditableChannel> result = catalog.setLogo(id, version, url);
        if (result instanceof SaveResult.Saved<EditableChannel> saved) {
            audit.record(actor, "UPDATE", "channel", id(id), before, saved.value());
        }
        return result;
    }

    SaveResult<EditableChannel> deleteChannel(AdminPrincipal actor, long id, long version) {
        SaveResult<EditableChannel> result = catalog.deleteChannel(id, version);
        if (result instanceof SaveResult.Saved<EditableChannel> saved) {
            audit.record(actor, "DELETE", "channel", id(id), saved.value(), null);
        }
        return result;
    }

    SaveResult<Review> addReview(AdminPrincipal actor, long channelId, String author, String text, Integer rating) {
        SaveResult<Review> result = catalog.addReview(channelId, author, text, rating);
        if (result instanceof SaveResult.Saved<Review> saved) {
            audit.record(actor, "CREATE", "channel_review", id(saved.value().id()), null, saved.value());
        }
        return result;
    }

    SaveResult<Review> deleteReview(AdminPrincipal actor, long channelId, long id) {
        SaveResult<Review> result = catalog.deleteReview(channelId, id);
        if (result instanceof SaveResult.Saved<Review> saved) {
            audit.record(actor, "DELETE", "channel_review", id(id), saved.value(), null);
        }
        return result;
    }

    SaveResult<AdExample> addAdExample(AdminPrincipal actor, long channelId, String title, String postUrl,
            String imageUrl) {
        SaveResult<AdExample> result = catalog.addAdExample(channelId, title, postUrl, imageUrl);
        if (result instanceof SaveResult.Saved<AdExample> saved) {
            audit.record(actor, "CREATE", "channel_ad_example", id(saved.value().id()), null, saved.value());
        }
        return result;
    }

    SaveResult<AdExample> deleteAdExample(AdminPrincipal actor, long channelId, long id) {
        SaveResult<AdExample> result = catalog.deleteAdExample(channelId, id);
        if (result instanceof SaveResult.Saved<AdExample> saved) {
            audit.record(actor, "DELETE", "channel_ad_example", id(id), saved.value(), null);
        }
        return result;
    }

    private static String id(long id) {
        return String.valueOf(id);
    }
}
