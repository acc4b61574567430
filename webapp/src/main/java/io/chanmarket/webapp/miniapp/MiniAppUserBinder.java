package io.chanmarket.webapp.miniapp;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** A {@link MiniAppUser} parameter makes a route require valid initData. */
@Singleton
class MiniAppUserBinder implements TypedRequestArgumentBinder<MiniAppUser> {

    private final MiniAppAuth auth;

    MiniAppUserBinder(MiniAppAuth auth) {
        this.auth = auth;
    }

    @Override
    public Argument<MiniAppUser> argumentType() {
        return Argument.of(MiniAppUser.class);
    }

    @Override
    public BindingResult<MiniAppUser> bind(ArgumentConversionContext<MiniAppUser> context, HttpRequest<?> source) {
        MiniAppUser user = auth.authenticate(source);
        return () -> Optional.of(user);
    }
}
