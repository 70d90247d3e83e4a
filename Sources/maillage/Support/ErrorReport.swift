import ArgumentParser
import MaillageAccess
import Foundation
import MaillageCore
import MaillageFormats
import MaillageGeo
import MaillageIO
import MaillageScenario
import MaillageStore
import MaillageTravel

/// Turns any error a command meets into one sentence for the user and an exit code.
struct ErrorReport {
    let message: String
    let status: ExitStatus

    init(_ error: any Error) {
        switch error {
        case let error as StoreError:
            message = error.description
            status = Self.status(of: error)
        case let error as MaillageCore.ValidationError:
            message = error.description
            status = .dataError
        case let error as ProjError:
            message = error.description
            status = .dataError
        case let error as ImportError:
            message = error.description
            status = .dataError
        case let error as FileAccessError:
            message = error.description
            switch error {
            case .missing: status = .noInput
            case .overwritesInput: status = .usage
            case .unwritable: status = .cannotCreate
            }
        case let error as ScenarioError:
            message = error.description
            status = error.isMissingInput ? .noInput : .dataError
        case let error as AccessError:
            message = error.description
            status = .dataError
        case let error as ArgumentParser.ValidationError:
            // Options checked while running (a delimiter, an encoding) are usage errors too.
            message = error.message
            status = .usage
        case let error as OSRMError:
            message = error.description
            status = Self.status(of: error)
        case let error as CommandError:
            message = error.message
            status = error.status
        default:
            message = "\(error)"
            status = .ioError
        }
    }

    private static func status(of error: OSRMError) -> ExitStatus {
        switch error {
        case .missingTool, .missingProfile, .missingFile: .noInput
        case .notAPBF, .noRoads, .nothingToRoute: .dataError
        case .toolFailed, .serverDidNotStart, .unreachable, .serverError: .ioError
        case .cache: .cannotCreate
        }
    }

    private static func status(of error: StoreError) -> ExitStatus {
        switch error {
        case .alreadyExists: .cannotCreate
        case .notFound: .noInput
        case .notATerritoryDatabase, .newerSchema, .invalidContent: .dataError
        case .sqlite: error.isIOFailure ? .ioError : .dataError
        }
    }
}

/// A failure a command detects itself, with the exit code it calls for.
struct CommandError: Error {
    let message: String
    let status: ExitStatus
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
            let report = ErrorReport(error)
            Console.standardError("maillage: \(report.message)")
            throw ExitCode(report.status.rawValue)
        }
    }
}
