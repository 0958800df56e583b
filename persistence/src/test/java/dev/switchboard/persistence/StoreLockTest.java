package dev.switchboard.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreLockTest {

    @Test
    void secondHolderIsToldWhoHoldsTheStore(@TempDir Path dir) {
        try (StoreLock first = StoreLock.acquire(dir, "the Switchboard console")) {
            assertThat(first).isNotNull();
            assertThatThrownBy(() -> StoreLock.acquire(dir, "the command 'switchboard import'"))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("is in use by the Switchboard console (pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("close it first");
        }
    }

    @Test
    void aShortCommandIsWaitedFor(@TempDir Path dir) throws Exception {
        StoreLock command = StoreLock.acquire(dir, "the command 'switchboard queue'");
        Thread releaser = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            command.close();
        });
        try (StoreLock engine = StoreLock.acquire(dir, "the Switchboard engine")) {
            assertThat(dir.resolve(StoreLock.OWNER_FILE)).content().startsWith("the Switchboard engine (pid ");
        }
        releaser.join();
    }

    @Test
    void lockIsFreeAgainAfterClose(@TempDir Path dir) {
        StoreLock.acquire(dir, "first").close();
        try (StoreLock again = StoreLock.acquire(dir, "second")) {
            assertThat(dir.resolve(StoreLock.OWNER_FILE)).content().startsWith("second (pid ");
        }
        assertThat(dir.resolve(StoreLock.OWNER_FILE)).doesNotExist();
    }
}
