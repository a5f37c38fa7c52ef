package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The pgshift command line: parses arguments, calls the library, renders what it returns. */
@Command(name = "pgshift",
        description = "Upgrade PostgreSQL to a newer major version by dump and restore, in pure Java.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            " 1:internal error (a bug: please report it with --verbose output)",
            " 2:usage error: unknown option, missing argument, malformed connection string",
            " 3:cannot connect: unknown host, connection refused, timeout",
            " 4:authentication failed: wrong password or unknown user",
            " 5:SSL failure: SSL required but disabled, or certificate not trusted",
            " 6:database not found",
            " 7:target database not empty (use --clean)",
            " 8:unsupported version, or a target older than the source",
            " 9:migration failed: a statement or COPY failed on the target",
            "10:verification failed: the target differs from the source",
            "11:file error",
            "12:check failed: the pre-flight check found errors, or could not read a server",
            "13:dependency loop: source objects need each other in a loop no order of creation satisfies",
            "14:reading the source failed: its COPY was refused, or its connection was lost on every attempt",
            "15:online mode not possible: a prerequisite is missing (wal_level, slots, replica identity, rights)",
            "16:cutover failed: the source is writable again",
            "130:interrupted"})
public final class Main {
    /** The commands, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    @Mixin
    StandardOptions standard = new StandardOptions();

    private Main() {
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("copy", CopyCommand::new);
        commands.put("dump", DumpCommand::new);
        commands.put("restore", RestoreCommand::new);
        commands.put("verify", VerifyCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("compare", CompareCommand::new);
        commands.put("roles", RolesCommand::new);
        commands.put("analyze", AnalyzeCommand::new);
        commands.put("upgrade", UpgradeCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("cutover", CutoverCommand::new);
        commands.put("abort", AbortCommand::new);
        commands.put("demo", DemoCommand::new);
        return commands;
    }

    /**
     * pgjdbc reports some failures through java.util.logging before it throws them (a host name that does not
     * match a certificate, for one). pgshift reports every failure itself, in one line; the driver's own log
     * lines are shown only with --verbose. The strong reference keeps the logger's level from being dropped.
     */
    private static final Logger PGJDBC_LOG = Logger.getLogger("org.postgresql");

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        AtomicBoolean finished = new AtomicBoolean();
        // Ctrl-C or a kill ends the JVM without an exception to report: the hook says what was left behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                // The servers would go on with what the sessions were running (an index build, a COPY waiting
                // for a lock) until it ends on its own: cancel it now.
                io.pgshift.connect.OpenSessions.cancelAll(3000);
                // On a terminal the live progress line is still open.
                err.println((Terminal.standardErrorIsATerminal() ? "\n" : "") + "pgshift: " + ErrorCode.INTERRUPTED.summary()
                        + ": " + interrupted(args));
                err.flush();
            }
        }, "pgshift-interrupted"));
        exitOnSignals();
        int code = run(args, new PrintWriter(System.out, true), err);
        finished.set(true);
        System.exit(code);
    }

    /**
     * Ctrl-C and SIGTERM end the run with exit code 130 either way (the JVM's own would be 143 for SIGTERM), through
     * System.exit, so that every shutdown hook still runs: the message and the cancels above, the report's, the
     * embedded servers' stop.
     */
    @SuppressWarnings("removal")
    private static void exitOnSignals() {
        for (String name : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name),
                        signal -> System.exit(ErrorCode.INTERRUPTED.exitCode()));
            } catch (IllegalArgumentException e) {
                // The platform has no such signal, or the JVM keeps it for itself: its own exit code stays.
            }
        }
    }

    /** What an interrupted command leaves behind, in one sentence. */
    static String interrupted(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        return switch (command) {
            case "copy" -> Arrays.asList(args).contains("--online") ? "an online copy that was following goes on "
                    + "without pgshift (see pgshift status); one still copying left a replication slot that holds the "
                    + "source's WAL: run pgshift abort with the same --source and --target, then copy again"
                    : "the copy stopped before it finished, and the target holds part of it: run the same "
                    + "command with --resume to finish it, or with --clean to start over";
            case "restore" -> "the restore stopped before it finished, and the target holds part of it: run the "
                    + "same command with --resume to finish it, or with --clean to start over";
            case "upgrade", "roles", "demo" -> "the run stopped before it finished, and the target "
                    + "may hold part of it (a schema without all its rows, some roles or databases): run the same "
                    + "command again with --clean to start over";
            case "dump" -> "the dump stopped before it finished: a file dump keeps its .partial name and a directory "
                    + "dump has no manifest.json, so neither can be restored; remove it and dump again";
            case "analyze" -> "some tables were not analyzed: run it again";
            case "cutover" -> "the cutover stopped before it finished: the source database may still be read-only; "
                    + "run pgshift cutover again, or pgshift abort and ALTER DATABASE ... RESET "
                    + "default_transaction_read_only";
            default -> "nothing was written";
        };
    }

    /** Runs pgshift with the given streams; tests call this instead of {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean driverLog = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        PGJDBC_LOG.setLevel(driverLog ? Level.INFO : Level.OFF);
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> UsageErrors.print(e.getCommandLine(), UsageErrors.message(e)));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof PgShiftException p && p.code() == ErrorCode.USAGE) {
                return UsageErrors.print(commandLine, p.getMessage());
            }
            boolean verbose = false;
            for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
                verbose |= p.hasMatchedOption(Verbose.NAME);
            }
            return report(e, verbose, commandLine.getErr());
        });
        return cli.execute(args);
    }

    /** The command tree, built by reflection over every command's annotations. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        return cli;
    }

    /**
     * The command tree that the arguments need: only the named command, when they start with one. Picocli
     * reads every option's annotations by reflection, and the whole tree costs each run tens of milliseconds.
     */
    static CommandLine commandLine(String[] args) {
        Supplier<Object> command = args.length == 0 ? null : COMMANDS.get(args[0]);
        if (command == null) {
            return commandLine();
        }
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(args[0], command.get());
        return cli;
    }

    /** One line for the user; the stack trace only when asked for. */
    static int report(Exception e, boolean verbose, PrintWriter err) {
        ErrorCode code = e instanceof PgShiftException p ? p.code() : ErrorCode.INTERNAL;
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        err.println("pgshift: " + code.summary() + ": " + message.lines().findFirst().orElse(""));
        if (verbose) {
            e.printStackTrace(err);
        } else if (code == ErrorCode.INTERNAL) {
            err.println("pgshift: run again with --verbose to see where it failed");
        }
        err.flush();
        return code.exitCode();
    }
}
