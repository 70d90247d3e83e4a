import MaillageRuns

extension GlobalOptions {
    /// The library's log, honouring `--quiet` and `--verbose`.
    var log: RunLog {
        let (quiet, verbose) = (quiet, verbose)
        return RunLog(
            detail: { message in if verbose, !quiet { Console.standardError(message) } },
            status: { message in if !quiet { Console.standardError(message) } }
        )
    }
}
