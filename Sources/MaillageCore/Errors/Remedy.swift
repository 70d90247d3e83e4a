/// An action outside the failed call that mends an error, named in library terms.
///
/// Some failures are mended by a separate operation rather than by a setting of the call
/// (``SettingHint``) or by editing the input: a missing database is created first, ids stored
/// in two Unicode forms are rewritten in one. The error carries the remedy as a value so that a
/// front end names its own command for it without reading the message.
public enum Remedy: Hashable, Sendable {
    /// Create the territory database at this path first (an empty one, or a generated one).
    case createDatabase(path: String)
    /// Rewrite ids stored in two Unicode forms (NFC and NFD) into one, as the store's repair does.
    case repairStoredIDs
}
