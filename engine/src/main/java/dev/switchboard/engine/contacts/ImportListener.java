package dev.switchboard.engine.contacts;

/** Hears an import's progress; called on the import's own thread, a few times per second at most. */
@FunctionalInterface
public interface ImportListener {
    ImportListener NONE = p -> { };

    void progress(ImportProgress progress);
}
