package dev.switchboard.app.console.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The encodings a user can force in the wizard; {@link #AUTO} lets the engine detect. */
public enum EncodingChoice {
    AUTO("Auto-detect", null),
    UTF_8("UTF-8", StandardCharsets.UTF_8),
    UTF_16("UTF-16", StandardCharsets.UTF_16),
    WINDOWS_1252("windows-1252", Charset.forName("windows-1252"));

    private final String label;
    private final Charset charset;

    EncodingChoice(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    public String label() {
        return label;
    }

    /** Null for {@link #AUTO}. */
    public Charset charset() {
        return charset;
    }
}
