import MaillageCore

/// The command that mends an error, for the errors whose ``Remedy`` is a separate operation:
/// the library names the remedy as a value, and the command line names its own command for it.
enum CommandHint {
    /// A sentence naming the command, or nothing.
    static func sentence(for remedy: Remedy?) -> String {
        switch remedy {
        case .createDatabase(let path): " (maillage init \(path), or maillage generate … --out \(path))"
        case .repairStoredIDs: " (maillage repair --db DB)"
        case nil: ""
        }
    }
}
