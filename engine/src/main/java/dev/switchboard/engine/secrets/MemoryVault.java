package dev.switchboard.engine.secrets;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets in this process's memory only: gone when it exits. */
final class MemoryVault implements SecretVault {
    private final ConcurrentHashMap<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public void put(String name, String value) {
        secrets.put(name, value);
    }

    @Override
    public void delete(String name) {
        secrets.remove(name);
    }

    @Override
    public String describe() {
        return "an in-memory vault";
    }

    @Override
    public String toString() {
        return "MemoryVault[" + secrets.size() + " secrets]";
    }
}
