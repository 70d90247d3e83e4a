import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How one of ``TableClient``'s threads fetches a table's URL: through a
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
