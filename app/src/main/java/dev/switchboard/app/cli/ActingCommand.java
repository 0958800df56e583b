package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.model.redact.LogMask;
import dev.switchboard.engine.templates.TemplateFile;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PermissionDeniedException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command done by a profile: {@code --as NAME}, its password from {@value Passwords#ACTOR_ENV} or standard input
 * (never a flag). Maps refusals to exit code 7, unusable input to 3, bad values to 2.
 */
abstract class ActingCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--as", required = true, paramLabel = "NAME", description = "The acting profile (its password"
            + " from $" + Passwords.ACTOR_ENV + " or standard input).")
    String as;

    /** "template approve", for messages. */
    abstract String what();

    /** Does the work as {@code actor}; returns the line to print. */
    abstract String act(Workspace workspace, Actor actor) throws Exception;

    @Override
    public final Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), what(), err, workspace -> {
            try {
                Actor actor = workspace.users().authenticate(as, Passwords.actor());
                spec.commandLine().getOut().println(act(workspace, actor));
                return ExitCodes.OK;
            } catch (Refused e) {
                err.println("switchboard " + what() + ": " + e.getMessage());
                return e.code;
            } catch (PermissionDeniedException e) {
                err.println("switchboard " + what() + ": " + e.getMessage());
                return ExitCodes.DENIED;
            } catch (TemplateFile.TemplateFileException e) {
                err.println("switchboard " + what() + ": " + e.getMessage());
                return ExitCodes.INPUT;
            } catch (IllegalArgumentException e) {
                err.println("switchboard " + what() + ": " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (RuntimeException e) {
                // unreadable or malformed files (sequence format errors name their JSON path)
                err.println("switchboard " + what() + ": " + LogMask.line(e.getMessage()));
                return ExitCodes.INPUT;
            }
        });
    }

    /**
     * A refusal with its own exit code and a message printed as it is (it may span lines; the command made each
     * line safe to print).
     */
    static final class Refused extends RuntimeException {
        final int code;

        Refused(int code, String message) {
            super(message);
            this.code = code;
        }
    }
}
