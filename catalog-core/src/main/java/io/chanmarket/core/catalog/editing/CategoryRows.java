package io.chanmarket.core.catalog.editing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/**
 * Writes of {@code category} rows (Micronaut Data). The admin's list, with its search and channel counts, stays SQL in
 * {@link CategoryEditRepository}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CategoryRows extends CrudRepository<CategoryRow, Long> {

    boolean existsBySlugAndIdNotEqual(String slug, Long id);

    boolean existsBySlug(String slug);
}
