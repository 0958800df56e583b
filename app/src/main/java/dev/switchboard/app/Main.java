package dev.switchboard.app;

import dev.switchboard.app.cli.SwitchboardCommand;

/**
 * The launcher. A plain class (not a JavaFX Application), so the console starts with JavaFX on the class path.
 * No arguments open the console; anything else is the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SwitchboardCommand.execute(args));
    }
}
