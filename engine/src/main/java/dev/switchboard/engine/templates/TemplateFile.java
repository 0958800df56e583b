package dev.switchboard.engine.templates;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateRenderer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A template file ({@code switchboard-template/1}, see resources/demo/templates/README.md): the template, the purpose
 * it is written for and the variables it declares. Reading refuses a bad file with a message naming the field.
 */
public record TemplateFile(Template template, Purpose purpose, Set<String> declaredVariables) {
    public static final String FORMAT = "switchboard-template/1";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public static TemplateFile read(Path file) throws TemplateFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new TemplateFileException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A template shipped in the resources module, e.g. {@code offer-email}. */
    public static TemplateFile demo(String id) throws TemplateFileException {
        try (InputStream in = TemplateFile.class.getResourceAsStream("/demo/templates/" + id + ".json")) {
            if (in == null) {
                throw new TemplateFileException("No demo template '" + id + "'");
            }
            return parse(in, id + ".json");
        } catch (IOException e) {
            throw new TemplateFileException("Cannot read demo template " + id + ": " + e.getMessage());
        }
    }

    static TemplateFile parse(InputStream in, String name) throws TemplateFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (RuntimeException e) {
            throw new TemplateFileException(name + " is not valid JSON: " + e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        String format = text(root, "format", true, errors, name);
        if (format != null && !FORMAT.equals(format)) {
            errors.add(name + ": format is '" + format + "', expected '" + FORMAT + "'");
        }
        String id = text(root, "id", true, errors, name);
        Channel channel = enumOf(Channel.class, text(root, "channel", true, errors, name), "channel", errors, name);
        String title = text(root, "name", true, errors, name);
        Purpose purpose = enumOf(Purpose.class, text(root, "purpose", true, errors, name), "purpose", errors, name);
        int version = root.path("version").asInt(0);
        if (version < 1) {
            errors.add(name + ": version must be 1 or more");
        }
        String subject = text(root, "subject", false, errors, name);
        String textBody = text(root, "textBody", true, errors, name);
        String htmlBody = text(root, "htmlBody", false, errors, name);
        Set<String> declared = new LinkedHashSet<>();
        root.path("variables").forEach(v -> declared.add(v.asString()));
        if (!errors.isEmpty()) {
            throw new TemplateFileException(String.join("; ", errors));
        }
        Template template;
        try {
            template = new Template(id, channel, title, subject, textBody, htmlBody, version);
            Set<String> used = new TemplateRenderer(template).variables();
            if (!declared.isEmpty() && !declared.equals(used)) {
                throw new TemplateFileException(name + ": 'variables' lists " + declared + " but the template uses "
                        + used);
            }
        } catch (RuntimeException e) {
            throw new TemplateFileException(name + ": " + e.getMessage());
        }
        return new TemplateFile(template, purpose, declared);
    }

    private static String text(JsonNode root, String field, boolean required, List<String> errors, String name) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                errors.add(name + ": '" + field + "' is missing");
            }
            return null;
        }
        if (!n.isString()) {
            errors.add(name + ": '" + field + "' must be a string");
            return null;
        }
        return n.asString();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<String> errors,
                                                String name) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(name + ": '" + field + "' is '" + value + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** A template file that cannot be used; the message names the file and field. */
    public static final class TemplateFileException extends Exception {
        public TemplateFileException(String message) {
            super(message);
        }
    }
}
