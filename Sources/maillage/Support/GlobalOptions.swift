import ArgumentParser

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but results and errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print what is being done, step by step.")
    var verbose = false

    /// Prints a progress or status line on stderr unless `--quiet` was given.
    func status(_ message: @autoclosure () -> String) {
        guard !quiet else { return }
        Console.standardError(message())
    }

    /// Prints a detail on stderr only with `--verbose`.
    func detail(_ message: @autoclosure () -> String) {
        guard verbose, !quiet else { return }
        Console.standardError(message())
    }
}
