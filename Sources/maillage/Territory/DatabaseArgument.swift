import ArgumentParser

/// A database given either as the first argument (`info my.db`) or as `--db my.db`.
struct DatabaseArgument: ParsableArguments {
    @Argument(help: "The territory database.")
    var positional: String?

    @Option(name: .customLong("db"), help: "The territory database (same as the argument).")
    var option: String?

    func validate() throws {
        if positional == nil && option == nil {
            throw ValidationError(
                "Give the territory database, as 'maillage info out/demo.db' or with --db out/demo.db.")
        }
        if let positional, let option, positional != option {
            throw ValidationError(
                "Two different databases were given ('\(positional)' and --db '\(option)'); give one.")
        }
    }

    var path: String { positional ?? option! }
}
