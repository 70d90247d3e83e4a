import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How one of ``TableClient``'s threads fetches a table's URL: on its own kept-alive
/// ``BlockingHTTPConnection`` for `http`, through `URLSession` (waited for) for `https`.
final class TableTransport {
    private let connection: BlockingHTTPConnection?
    private let timeout: TimeInterval

    /// A transport to `server`, giving up on a request after `timeout` seconds.
    init(server: URL, timeout: TimeInterval) {
        connection = BlockingHTTPConnection(url: server, timeout: timeout)
        self.timeout = timeout
    }

    /// The body and HTTP status of `url`; throws what a retry may mend (no connection, a time-out).
    func get(_ url: URL) throws -> (body: Data, status: Int) {
        if let connection {
            do {
                let answer = try connection.get(url)
                return (answer.body, answer.status)
            } catch let failure as BlockingHTTPConnection.Failure {
                throw Problem(description: "\(failure.timedOut ? "timed out" : "connection failed"): \(failure)")
            }
        }
        return try getWithURLSession(url)
    }

    /// A failure as the retry loop reports it.
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    private func getWithURLSession(_ url: URL) throws -> (body: Data, status: Int) {
        var request = URLRequest(url: url)
        request.timeoutInterval = timeout
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<(Data, Int), any Error> = .failure(Problem(description: "no answer"))
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let data, let response = response as? HTTPURLResponse {
                result = .success((data, response.statusCode))
            } else if let error = error as? URLError {
                let kind = error.code == .timedOut ? "timed out" : "connection failed"
                result = .failure(Problem(description: "\(kind): \(error.localizedDescription)"))
            } else if let error {
                result = .failure(Problem(description: "\(error)"))
            }
            finished.signal()
        }.resume()
        finished.wait()
        return try result.get()
    }
}

/// The answers of a table's blocks as ``TableClient``'s threads bring them, the next block to
/// ask for, and the first failure (after which no block is handed out).
final class CollectedAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [TableClient.BlockAnswer?]
    private var handedOut = 0
    private var pairsDone = 0
    private var firstFailure: (any Error)?

    /// Room for `count` blocks' answers.
    init(count: Int) {
        slots = .init(repeating: nil, count: count)
    }

    /// The index of the next block to ask for; nil when none is left or one failed.
    func next() -> Int? {
        lock.withLock {
            guard firstFailure == nil, handedOut < slots.count else { return nil }
            handedOut += 1
            return handedOut - 1
        }
    }

    /// Keeps a block's answer and reports the pairs done so far, one report at a time.
    func store(_ answer: TableClient.BlockAnswer, at index: Int, pairs: Int, progress: (Int) -> Void) {
        lock.withLock {
            slots[index] = answer
            pairsDone += pairs
            progress(pairsDone)
        }
    }

    /// Records a failure; the first one is what the table throws.
    func fail(_ error: any Error) {
        lock.withLock { if firstFailure == nil { firstFailure = error } }
    }

    /// The first failure, if any.
    var failure: (any Error)? { lock.withLock { firstFailure } }

    /// Every block's answer, in block order (call once every thread is done and none failed).
    var answers: [TableClient.BlockAnswer] { lock.withLock { slots.map { $0 ?? .init() } } }
}
