import MaillageCore
import MaillageStore

/// The command that mends an error, for the errors one command mends: the library words its
/// messages in library terms, and the command line names its own commands.
enum CommandHint {
    /// What the domain says of an id stored in two Unicode forms (`Territory`'s check).
    private static let twoForms = "two Unicode forms"

    /// A sentence naming the command, or nothing.
    static func sentence(for error: any Error) -> String {
        switch error {
        case StoreError.notFound(let path):
            return " (maillage init \(path), or maillage generate … --out \(path))"
        case let error as ValidationError where error.reason.contains(Self.twoForms):
            return " (maillage repair --db DB)"
        case StoreError.invalidContent(_, let detail) where detail.contains(Self.twoForms):
            return " (maillage repair --db DB)"
        default:
            return ""
        }
    }
}
