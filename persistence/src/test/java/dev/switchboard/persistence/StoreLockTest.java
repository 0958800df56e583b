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
    void lockIsFreeAgainAfterClose(@TempDir Path dir) {
        StoreLock.acquire(dir, "first").close();
        try (StoreLock again = StoreLock.acquire(dir, "second")) {
            assertThat(dir.resolve(StoreLock.OWNER_FILE)).content().startsWith("second (pid ");
        }
        assertThat(dir.resolve(StoreLock.OWNER_FILE)).doesNotExist();
    }
}
