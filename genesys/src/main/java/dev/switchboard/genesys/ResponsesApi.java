package dev.switchboard.genesys;

import java.util.List;

/**
 * Response Management: the libraries and responses (canned texts) that Genesys messaging campaigns use as their
 * content templates ({@code CampaignSmsTemplate}, {@code CampaignEmailTemplate}). There is no
 * {@code /api/v2/messaging/templates}: templates are responses (genesys-api.md §9). Thread-safe.
 */
public final class ResponsesApi {

    /** A response library. */
    public record Library(String id, String name, Integer version) {
    }

    /** One text of a response: {@code contentType} text/plain or text/html, {@code type} body or subject. */
    public record ResponseText(String content, String contentType, String type) {
        public static ResponseText subject(String content) {
            return new ResponseText(content, "text/plain", "subject");
        }

        public static ResponseText body(String content, String contentType) {
            return new ResponseText(content, contentType, "body");
        }
    }

    /** A substitution of a response: {@code {{id}}} in its texts, filled from the contact column of that name. */
    public record Substitution(String id, String description, String defaultValue) {
    }

    /** A response. */
    public record Response(String id, String name, Integer version, List<DomainRef> libraries, String responseType,
                           List<ResponseText> texts, List<Substitution> substitutions) {
    }

    record LibraryListing(List<Library> entities, Integer pageCount) {
    }

    private final ApiTransport transport;

    ResponsesApi(ApiTransport transport) {
        this.transport = transport;
    }

    /** The first page of the org's response libraries (up to 100). */
    public List<Library> libraries() {
        LibraryListing l = transport.json(ApiCall.get("/api/v2/responsemanagement/libraries")
                .query("pageSize", 100).query("pageNumber", 1), LibraryListing.class);
        return l == null || l.entities() == null ? List.of() : l.entities();
    }

    /** Creates a response (read-only fields of {@code response} are ignored by Genesys). */
    public Response create(Response response) {
        return transport.json(ApiCall.post("/api/v2/responsemanagement/responses").body(response), Response.class);
    }

    /** The response; 404 {@link GenesysApiException} if unknown. */
    public Response get(String responseId) {
        return transport.json(ApiCall.get("/api/v2/responsemanagement/responses/{}", responseId),
                Response.class);
    }

    /** Deletes a response. */
    public void delete(String responseId) {
        transport.execute(ApiCall.delete("/api/v2/responsemanagement/responses/{}", responseId));
    }
}
