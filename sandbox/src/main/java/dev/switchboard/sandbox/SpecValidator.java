package dev.switchboard.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Validates each {@code /api/v2} request against the published Swagger 2.0 subset
 * ({@code openapi-subset.json}) with swagger-request-validator. Built once per JVM: parsing the spec takes seconds.
 */
final class SpecValidator {

    private static final String SPEC = "openapi-subset.json";
    private static volatile SpecValidator shared;

    private final OpenApiInteractionValidator validator;

    private SpecValidator(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    static SpecValidator shared() {
        SpecValidator v = shared;
        if (v == null) {
            synchronized (SpecValidator.class) {
                v = shared;
                if (v == null) {
                    v = new SpecValidator(OpenApiInteractionValidator.createForInlineApiSpecification(readSpec())
                            .build());
                    shared = v;
                }
            }
        }
        return v;
    }

    static String readSpec() {
        try (InputStream in = SpecValidator.class.getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SPEC);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validator's error messages for a response; empty when it conforms (used by tests). */
    List<ValidationReport.Message> validateResponse(String method, String path, int status, String body) {
        com.atlassian.oai.validator.model.SimpleResponse.Builder b =
                new com.atlassian.oai.validator.model.SimpleResponse.Builder(status);
        if (body != null && !body.isEmpty()) {
            b.withContentType("application/json").withBody(body);
        }
        ValidationReport report = validator.validateResponse(path,
                com.atlassian.oai.validator.model.Request.Method.valueOf(method), b.build());
        List<ValidationReport.Message> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(m);
            }
        }
        return out;
    }

    /** The validator's error messages for this request; empty when it conforms. */
    List<ValidationReport.Message> validate(String method, String path, Map<String, List<String>> query,
                                            String contentType, String body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
        query.forEach(b::withQueryParam);
        if (contentType != null) {
            b.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        ValidationReport report = validator.validateRequest(b.build());
        List<ValidationReport.Message> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            // clients often send "{}" on bodyless POSTs (start, stop, channels); the platform ignores it
            if (m.getLevel() == ValidationReport.Level.ERROR
                    && !m.getKey().equals("validation.request.body.unexpected")) {
                out.add(m);
            }
        }
        return out;
    }
}
