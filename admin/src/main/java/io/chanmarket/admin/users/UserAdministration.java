package io.chanmarket.admin.users;

import io.chanmarket.admin.audit.AuditLog;
import io.chanmarket.admin.auth.AdminAccounts;
import io.chanmarket.admin.identity.AdminPrincipal;
import io.chanmarket.admin.identity.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Account changes made by admins, each audited in the same transaction. */
@Singleton
class UserAdministration {

    private final AdminAccounts accounts;
    private final AuditLog audit;

    UserAdministration(AdminAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    AdminAccounts.Outcome create(AdminPrincipal actor, UserForm form) {
        AdminAccounts.Outcome outcome = accounts.create(form.username(), Role.parse(form.role()), form.password());
        if (outcome instanceof AdminAccounts.Saved saved) {
            audit.record(actor, "CREATE", "admin_user", String.valueOf(saved.account().id()), null, saved.account());
        }
        return outcome;
    }

    @Transactional
    AdminAccounts.Outcome update(AdminPrincipal actor, long id, UserForm form) {
        var before = accounts.find(id).orElse(null);
        AdminAccounts.Outcome outcome = accounts.update(id, form.versionNumber(), Role.parse(form.role()),
                form.isActive(), form.password());
        if (outcome instanceof AdminAccounts.Saved saved) {
            audit.record(actor, "UPDATE", "admin_user", String.valueOf(id), before, saved.account());
        }
        return outcome;
    }
}
