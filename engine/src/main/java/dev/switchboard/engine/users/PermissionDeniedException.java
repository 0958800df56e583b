package dev.switchboard.engine.users;

/** The acting profile may not do this (wrong role, wrong password, or its own work to approve). */
public final class PermissionDeniedException extends Exception {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
