/**
 * Catalog editing for the admin panel: categories, channels' manual fields, logos, reviews and ad examples, with
 * optimistic locking on the {@code version} column. {@link io.chanmarket.core.catalog.editing.CatalogEditing} is the
 * API; SQL stays in this package.
 */
package io.chanmarket.core.catalog.editing;
