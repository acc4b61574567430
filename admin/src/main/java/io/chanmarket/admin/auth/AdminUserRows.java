package io.chanmarket.admin.auth;

import io.chanmarket.admin.identity.Role;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** {@code admin_user} rows (Micronaut Data); the only SQL written by hand is what no derived query says. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AdminUserRows extends CrudRepository<AdminUserRow, Long> {

    Optional<AdminUserRow> findByUsername(String username);

    List<AdminUserRow> listOrderByUsername();

    boolean existsByRoleAndActive(Role role, boolean active);

    long countByRoleAndActive(Role role, boolean active);

    /** Inserts an account unless the username is taken (two nodes creating the first admin at once): rows inserted. */
    @Query("""
            INSERT INTO admin_user (username, role, password_hash, must_change_password)
            VALUES (:username, :role, :passwordHash, :mustChangePassword) ON CONFLICT (username) DO NOTHING""")
    int insertUnlessTaken(String username, String role, String passwordHash, boolean mustChangePassword);

    /** The account's own new password, whatever its version (an admin's edit does not undo it): rows changed. */
    @Query("""
            UPDATE admin_user SET password_hash = :passwordHash, must_change_password = FALSE, version = version + 1,
                   updated_at = now()
            WHERE id = :id AND active""")
    int changePassword(long id, String passwordHash);
}
