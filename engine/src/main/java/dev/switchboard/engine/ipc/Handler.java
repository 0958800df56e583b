package dev.switchboard.engine.ipc;

/**
 * Answers the requests of one route of the engine API. Throw {@link ApiException} to answer with an error status;
 * any other exception answers 500 without its message.
 */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(ApiRequest request) throws Exception;
}
