/// The process exit codes Maillage uses, from BSD's sysexits.h.
enum ExitStatus: Int32 {
    case ok = 0
    /// The command line was wrong.
    case usage = 64
    /// An input file or value was wrong.
    case dataError = 65
    /// An input file does not exist.
    case noInput = 66
    /// An output could not be created (it exists already, or its folder cannot be made).
    case cannotCreate = 73
    /// Reading or writing failed (full disk, unreadable file).
    case ioError = 74
}
