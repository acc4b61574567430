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
import io.chanmarket.webapp.ads.contract.AdApiSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Ad engine clients. */
@Controller
@AdAccess(AdAccess.Need.OPERATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Clients")
@ApiResponse(responseCode = "400", description = "Invalid input: a malformed UUID, a missing or wrong field (the message says which)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
class ClientsController {

    private final Clients clients;

    ClientsController(Clients clients) {
        this.clients = clients;
    }

    @Get("/clients/{clientId}")
    @Operation(operationId = "getClientById", summary = "Get a client by id")
    @ApiResponse(responseCode = "200", description = "The client", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Client.class)))
    @ApiResponse(responseCode = "404", description = "No such client", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdApiSchemas.Error.class)))
    Client get(
            @Parameter(name = "clientId", description = "The client's UUID", schema = @Schema(type = "string", format = "uuid")) String clientId) {
        return clients.get(clientId);
    }

    @Post("/clients/bulk")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "upsertClients", summary = "Create or replace clients (the whole batch is refused if one is invalid)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The clients", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = AdApiSchemas.ClientUpsert.class))))
    @ApiResponse(responseCode = "201", description = "The stored clients", content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = AdApiSchemas.Client.class))))
    List<Client> upsert(@Nullable @Body List<ClientUpsert> upserts) {
        return clients.upsert(upserts);
    }
}
