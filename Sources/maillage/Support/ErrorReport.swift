import ArgumentParser
import MaillageCore

/// Turns any error a command meets into one sentence for the user and an exit code.
///
/// The library's errors carry their ``ErrorCategory`` (``CategorizedError``); this is the one
/// place that turns a category into an exit code (``ExitStatus/init(_:)``) and a library
/// ``SettingHint`` into the flag that sets it (``FlagHint``).
struct ErrorReport {
    let message: String
    let status: ExitStatus

    init(_ error: any Error) {
        switch error {
        case let error as ArgumentParser.ValidationError:
            // Options checked while running (a delimiter, an encoding) are usage errors too.
            message = error.message
            status = .usage
        case let error as any CategorizedError:
            message = "\(error)" + (error.hint.map(FlagHint.sentence) ?? "") + CommandHint.sentence(for: error.remedy)
            status = ExitStatus(error.category)
        default:
            // What the system threw (a Foundation file error): reading or writing failed.
            message = "\(error)"
            status = ExitStatus(.io)
        }
    }
}

/// A failure a command detects itself, with its category.
struct CommandError: CategorizedError, CustomStringConvertible {
    let message: String
    let category: ErrorCategory

    var description: String { message }
}

/// A command whose failures are reported as one line on stderr with a sysexits code.
protocol MaillageCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func execute() throws
}

extension MaillageCommand {
    func run() throws {
        do {
            try execute()
        } catch let error as ExitCode {
            throw error
        } catch {
            InterruptGuard.waitIfInterrupting()
            let report = ErrorReport(error)
            Console.standardError("maillage: \(report.message)")
            throw ExitCode(report.status.rawValue)
        }
    }
}
