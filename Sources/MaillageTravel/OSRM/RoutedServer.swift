import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An `osrm-routed` this process started on a free loopback port, stopped by ``stop()``
/// (call it on every path; an interrupt handler reaches it through ``ChildProcesses``).
package final class RoutedServer: @unchecked Sendable {
    /// The server's address on the loopback interface.
    package let url: URL
    /// The largest table (locations per side) the server was told to accept.
    package let maxTableSize: Int
    private let process: Process
    private let log: URL

    /// Starts the server on `graph` and waits until it answers.
    package static func start(
        graph: PreparedGraph, tools: OSRMTools, maxTableSize: Int, threads: Int, timeout: TimeInterval = 600
    ) throws -> RoutedServer {
        var lastError = "no free port"
        for _ in 0..<3 {
            let port = try freeLoopbackPort()
            let server = try RoutedServer(
                graph: graph, tools: tools, port: port, maxTableSize: maxTableSize, threads: threads)
            do {
                try server.waitUntilReady(timeout: timeout)
                return server
            } catch let OSRMError.serverDidNotStart(detail) {
                server.stop()
                lastError = detail
                // Another program may have taken the port between our probe and the bind: retry.
                guard detail.lowercased().contains("address") else { break }
            }
        }
        throw OSRMError.serverDidNotStart(detail: lastError)
    }

    private init(graph: PreparedGraph, tools: OSRMTools, port: Int, maxTableSize: Int, threads: Int) throws {
        url = URL(string: "http://127.0.0.1:\(port)")!
        self.maxTableSize = maxTableSize
        log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "maillage-osrm-routed-\(port)-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process = Process()
        process.executableURL = tools.routed
        process.arguments = [
            "--algorithm", "MLD", "--ip", "127.0.0.1", "--port", "\(port)", "--threads", "\(max(1, threads))",
            "--max-table-size", "\(maxTableSize)", "--verbosity", "WARNING", graph.base.path,
        ]
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try ChildProcesses.shared.run(process)
        try? handle.close()
        ChildProcesses.shared.addFolder(log)
    }

    /// Polls the server until it answers HTTP, or fails when the process ends or time runs out.
    private func waitUntilReady(timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        let probe = url.appendingPathComponent("nearest/v1/driving/0,0")
        while Date() < deadline {
            guard process.isRunning else {
                throw OSRMError.serverDidNotStart(detail: ToolRun.lastError(in: log))
            }
            if Self.answers(probe) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw OSRMError.serverDidNotStart(detail: "no answer within \(Int(timeout)) s")
    }

    /// Whether anything answers HTTP at `url` (any status).
    private static func answers(_ url: URL) -> Bool {
        let done = DispatchSemaphore(value: 0)
        let answered = Flag()
        var request = URLRequest(url: url)
        request.timeoutInterval = 2
        let task = URLSession.shared.dataTask(with: request) { _, response, _ in
            if response != nil { answered.set() }
            done.signal()
        }
        task.resume()
        done.wait()
        return answered.value
    }

    /// Whether the server process is still running.
    package var isRunning: Bool { process.isRunning }

    /// Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its log.
    package func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        ChildProcesses.shared.remove(process.processIdentifier)
        ChildProcesses.shared.removeFolder(log)
        try? FileManager.default.removeItem(at: log)
    }

    /// A port the kernel says is free on 127.0.0.1 (bound to port 0, read back, released).
    static func freeLoopbackPort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw OSRMError.serverDidNotStart(detail: "cannot open a socket") }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0
            }
        }
        guard bound else { throw OSRMError.serverDidNotStart(detail: "cannot find a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A boolean set from another thread.
final class Flag: @unchecked Sendable {
    private var state = false
    private let lock = NSLock()
    func set() { lock.withLock { state = true } }
    var value: Bool { lock.withLock { state } }
}
