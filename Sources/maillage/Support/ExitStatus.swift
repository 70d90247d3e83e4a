import MaillageCore

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

    /// The exit code of an error category: the one mapping from categories to codes.
    init(_ category: ErrorCategory) {
        switch category {
        case .usage: self = .usage
        case .data: self = .dataError
        case .missingInput: self = .noInput
        case .cannotCreateOutput: self = .cannotCreate
        case .io: self = .ioError
        }
    }
}
