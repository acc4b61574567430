package io.chanmarket.webapp.ads;

import io.chanmarket.webapp.ads.access.AdAccess;
import io.chanmarket.core.ads.clients.Client;
import io.chanmarket.core.ads.clients.ClientUpsert;
import io.chanmarket.core.ads.clients.Clients;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Ad engine clients. */
@Controller
@AdAccess(AdAccess.Need.OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Clients")
class ClientsController {

    private final Clients clients;

    ClientsController(Clients clients) {
        this.clients = clients;
    }

    @Get("/clients/{clientId}")
    Client get(String clientId) {
        return clients.get(clientId);
    }

    @Post("/clients/bulk")
    @Status(HttpStatus.CREATED)
    List<Client> upsert(@Nullable @Body List<ClientUpsert> upserts) {
        return clients.upsert(upserts);
    }
}
