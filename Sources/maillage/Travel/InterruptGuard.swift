import Foundation
import MaillageTravel

/// Stops the OSRM programs this process started when it is interrupted (Ctrl-C, SIGTERM),
/// then exits with 130 / 143 as a shell expects, leaving the database untouched (the matrix
/// is written in one transaction at the very end).
enum InterruptGuard {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                ChildProcesses.shared.terminateAll()
                Console.standardError("\nmaillage: interrupted; the OSRM server was stopped and nothing was stored")
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
