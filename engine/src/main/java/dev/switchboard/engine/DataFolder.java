package dev.switchboard.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Switchboard keeps its data: {@code SWITCHBOARD_HOME} when set; else the platform's place for application
 * data: {@code $XDG_DATA_HOME/switchboard} (default {@code ~/.local/share/switchboard}) on Linux,
 * {@code ~/Library/Application Support/Switchboard} on macOS, {@code %LOCALAPPDATA%\Switchboard} on Windows.
 */
public final class DataFolder {
    public static final String ENV = "SWITCHBOARD_HOME";

    private DataFolder() {
    }

    /** The data folder of this user on this machine. */
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path resolve(Map<String, String> env, String osName, String userHome) {
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String local = env.getOrDefault("LOCALAPPDATA", env.get("APPDATA"));
            return (local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local))
                    .resolve("Switchboard");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Switchboard");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("switchboard");
    }
}
