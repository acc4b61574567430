package io.chanmarket.core.catalog.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanmarket.testing.DatabaseTest;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CatalogEditingIT implements DatabaseTest {

    @Inject
    CatalogEditing catalog;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    CategoryRows rows;

    private static ChannelDraft aChannelDraft(String title, BigDecimal price) {
        return new ChannelDraft(null, null, title, null, null, null, null, "ru", null, price, null, null, null,
                List.of(new GeoShare("Россия", new BigDecimal("90"))), false);
    }

    private EditableChannel created(ChannelDraft draft) {
        return ((SaveResult.Saved<EditableChannel>) catalog.createChannel(draft)).value();
    }

    @Test
    void aSaveOverAnOlderVersionWritesNothing() {
        EditableChannel channel = created(aChannelDraft("Original", null));
        SaveResult<EditableChannel> first = catalog.updateChannel(channel.id(), channel.version(),
                aChannelDraft("First editor", null));
        assertThat(first).isInstanceOf(SaveResult.Saved.class);
        SaveResult<EditableChannel> second = catalog.updateChannel(channel.id(), channel.version(),
                aChannelDraft("Second editor", null));
        assertThat(second).isInstanceOf(SaveResult.Stale.class);
        assertThat(((SaveResult.Stale<EditableChannel>) second).current().title()).isEqualTo("First editor");
        assertThat(catalog.channel(channel.id()).orElseThrow().version()).isEqualTo(channel.version() + 1);
    }

    @Test
    void theCpmFollowsThePriceAndTheReach() {
        EditableChannel channel = created(aChannelDraft("Priced", null));
        tx.executeWrite(status -> jdbc.prepareStatement("UPDATE channel SET avg_reach = 4000 WHERE id = ?", ps -> {
            ps.setLong(1, channel.id());
            return ps.executeUpdate();
        }));
        EditableChannel current = catalog.channel(channel.id()).orElseThrow();
        EditableChannel priced = ((SaveResult.Saved<EditableChannel>) catalog.updateChannel(channel.id(),
                current.version(), aChannelDraft("Priced", new BigDecimal("10000")))).value();
        assertThat(priced.cpmRub()).isEqualByComparingTo("2500");
        assertThat(priced.geoSplit()).containsExactly(new GeoShare("Россия", new BigDecimal("90")));
    }

    @Test
    void aCategoryWithChannelsStays() {
        EditableCategory category = ((SaveResult.Saved<EditableCategory>) catalog
                .createCategory(new CategoryDraft("kept-" + System.nanoTime(), "Р", "E", 0))).value();
        ChannelDraft inCategory = new ChannelDraft(category.id(), null, "Member", null, null, null, null, null, null,
                null, null, null, null, List.of(), false);
        created(inCategory);
        assertThat(catalog.deleteCategory(category.id(), category.version())).isInstanceOf(SaveResult.InUse.class);
        assertThat(catalog.category(category.id())).isPresent();
        assertThat(catalog.createCategory(new CategoryDraft(category.slug(), "x", "y", 0)))
                .isInstanceOf(SaveResult.Duplicate.class);
    }

    @Test
    void twoAdminsEditingOneCategoryTheSecondSaveIsRefusedWithTheFirstOnesValues() {
        String slug = "edited-" + System.nanoTime();
        EditableCategory loaded = ((SaveResult.Saved<EditableCategory>) catalog
                .createCategory(new CategoryDraft(slug, "Исходная", "Original", 1))).value();
        // both admins opened the form at the same version; the first saves
        assertThat(catalog.updateCategory(loaded.id(), loaded.version(), new CategoryDraft(slug, "Первая", "First", 2)))
                .isInstanceOf(SaveResult.Saved.class);
        SaveResult<EditableCategory> second = catalog.updateCategory(loaded.id(), loaded.version(),
                new CategoryDraft(slug, "Вторая", "Second", 3));
        assertThat(second).isInstanceOf(SaveResult.Stale.class);
        EditableCategory current = ((SaveResult.Stale<EditableCategory>) second).current();
        assertThat(current.nameRu()).isEqualTo("Первая");
        assertThat(current.version()).isEqualTo(loaded.version() + 1);
    }

    @Test
    void theVersionGuardsTheWriteItselfNotOnlyTheCheckBeforeIt() {
        EditableCategory loaded = ((SaveResult.Saved<EditableCategory>) catalog
                .createCategory(new CategoryDraft("raced-" + System.nanoTime(), "Р", "E", 0))).value();
        CategoryDraft first = new CategoryDraft(loaded.slug(), "Первая", "First", 0);
        rows.update(CategoryRow.edited(loaded, loaded.version(), first));
        // a second write still carrying the version both read (it passed its check before the first one landed)
        assertThatThrownBy(() -> rows.update(
                CategoryRow.edited(loaded, loaded.version(), new CategoryDraft(loaded.slug(), "Вторая", "Second", 0))))
                        .isInstanceOf(OptimisticLockException.class);
        assertThat(catalog.category(loaded.id()).orElseThrow().nameRu()).isEqualTo("Первая");
    }
}
