import Foundation
import MaillageCore

#if canImport(Glibc)
    import Glibc
#endif

/// HTTP/1.1 `GET` requests to one server, used by one thread at a time, each answer read whole
/// on a connection of its own (`Connection: close`).
///
/// A connection per request: with connections kept alive, a busy `osrm-routed` reset some of
/// them in the middle of a table (2,000 × 750 on the benchmark grid under load, four tries in
/// a row: "Connection reset by peer"), which a kept-alive connection's timer in its server can
/// do while the next request waits for a thread. A new loopback connection costs far less than
/// the seconds a table block takes.
///
/// The thread blocks in the kernel while the server computes. FoundationNetworking's
/// `URLSession` drives libcurl from dispatch sources instead: while OSRM computed a table,
/// its wake-ups cost a third of all the CPU `travel osrm` used (perf, strace; BENCHMARKS.md).
/// Plain `http` only; ``TableClient`` keeps `URLSession` for `https`.
final class BlockingHTTPConnection {
    /// A failure worth retrying on a new connection (refused, reset, timed out, cut short).
    struct Failure: Error, CustomStringConvertible {
        /// Whether it was a time-out, for the message.
        var timedOut: Bool
        /// What happened.
        var description: String
    }

    /// An answer: the status code and the body.
    struct Answer {
        var status: Int
        var body: Data
    }

    /// Bodies larger than this are refused: a server's answer is input, and a 250 × 250 table
    /// with distances is about 1 MB.
    static let maximumBody = 512 << 20

    private let host: String
    private let port: Int
    private let timeout: TimeInterval
    private var socket: Int32 = -1
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// A connection to `url`'s host and port (opened at the first request).
    init?(url: URL, timeout: TimeInterval) {
        guard url.scheme?.lowercased() == "http", let host = url.host, !host.isEmpty else { return nil }
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        self.port = url.port ?? 80
        self.timeout = timeout
    }

    deinit { close() }

    /// Fetches `url` (on this connection's server) over a new connection, closed after the answer.
    func get(_ url: URL) throws -> Answer {
        try open()
        defer { close() }
        try send(
            "GET \(Self.target(of: url)) HTTP/1.1\r\nHost: \(hostHeader)\r\n"
                + "User-Agent: maillage\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
        let (status, headers) = try readHead()
        return Answer(status: status, body: try readBody(headers))
    }

    /// Closes the connection.
    func close() {
        if socket >= 0 { Glibc.close(socket) }
        socket = -1
        buffer.removeAll()
    }

    private var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? name : "\(name):\(port)"
    }

    /// The path and query of `url`, as the request line wants them.
    static func target(of url: URL) -> String {
        let path = url.path.isEmpty ? "/" : url.path
        guard let query = url.query else { return path }
        return path + "?" + query
    }

    private func open() throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host, String(port), &hints, &list)
        guard code == 0, let first = list else {
            throw Failure(
                timedOut: false, description: "cannot resolve \(host): \(String(cString: gai_strerror(code)))")
        }
        defer { freeaddrinfo(first) }
        var problem = "no address for \(host)"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let candidate = Glibc.socket(
                address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard candidate >= 0 else { continue }
            // SO_SNDTIMEO bounds connect() as well on Linux; SO_RCVTIMEO each wait for an answer.
            var limit = timeval(tv_sec: Int(timeout), tv_usec: Int(timeout.truncatingRemainder(dividingBy: 1) * 1e6))
            setsockopt(candidate, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(candidate, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            var one: Int32 = 1
            setsockopt(candidate, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if connect(candidate, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                socket = candidate
                return
            }
            problem = "cannot connect to \(host):\(port): \(String(cString: strerror(errno)))"
            Glibc.close(candidate)
        }
        throw Failure(timedOut: errno == EAGAIN || errno == EINPROGRESS, description: problem)
    }

    private func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            // MSG_NOSIGNAL: a server gone away must be an error here, not SIGPIPE.
            let sent = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw failure("sending the request") }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Reads more bytes into the buffer; false at the end of the stream.
    private func fill() throws -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw failure("reading the answer") }
            buffer.append(contentsOf: chunk[..<count])
            return count > 0
        }
    }

    private func failure(_ doing: String) -> Failure {
        let timedOut = errno == EAGAIN || errno == EWOULDBLOCK
        return Failure(
            timedOut: timedOut,
            description: timedOut
                ? "no answer within \(Int(timeout)) s" : "\(doing): \(String(cString: strerror(errno)))")
    }

    /// The status line and headers (names lowercased), consumed from the buffer.
    private func readHead() throws -> (Int, [String: String]) {
        let end: Int
        while true {
            if let found = Self.find([13, 10, 13, 10], in: buffer) {
                end = found
                break
            }
            guard buffer.count < 1 << 20 else { throw Failure(timedOut: false, description: "headers over 1 MB") }
            guard try fill() else { throw Failure(timedOut: false, description: "the server closed the connection") }
        }
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).makeIterator()
        let statusLine = lines.next().map(String.init) ?? ""
        let fields = statusLine.split(separator: " ", maxSplits: 2)
        guard fields.count >= 2, fields[0].hasPrefix("HTTP/1."), let status = Int(fields[1]) else {
            throw Failure(timedOut: false, description: "not an HTTP answer: \(TextExcerpt.quoted(statusLine))")
        }
        var headers: [String: String] = [:]
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    private func readBody(_ headers: [String: String]) throws -> Data {
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true { return try readChunks() }
        if let text = headers["content-length"] {
            guard let length = Int(text), length >= 0, length <= Self.maximumBody else {
                throw Failure(timedOut: false, description: "bad Content-Length \(TextExcerpt.quoted(text))")
            }
            return try take(length)
        }
        // No length: the body runs to the end of the stream.
        while try fill() {
            guard buffer.count <= Self.maximumBody else { throw tooLarge() }
        }
        return Data(buffer)
    }

    private func take(_ count: Int) throws -> Data {
        while buffer.count < count {
            guard try fill() else { throw Failure(timedOut: false, description: "the answer was cut short") }
        }
        let body = Data(buffer[..<count])
        buffer.removeFirst(count)
        return body
    }

    private func readChunks() throws -> Data {
        var body = Data()
        while true {
            let line = try readLine()
            let size = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard let count = Int(size, radix: 16), count >= 0, body.count + count <= Self.maximumBody else {
                throw Failure(timedOut: false, description: "bad chunk size \(TextExcerpt.quoted(line))")
            }
            if count == 0 {
                while try !readLine().isEmpty {}  // trailers
                return body
            }
            body += try take(count)
            guard try readLine().isEmpty else {
                throw Failure(timedOut: false, description: "a chunk overruns its size")
            }
        }
    }

    private func readLine() throws -> String {
        while true {
            if let end = Self.find([13, 10], in: buffer) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            guard buffer.count < 1 << 16 else { throw Failure(timedOut: false, description: "a line over 64 KB") }
            guard try fill() else { throw Failure(timedOut: false, description: "the answer was cut short") }
        }
    }

    private func tooLarge() -> Failure {
        Failure(timedOut: false, description: "an answer over \(Self.maximumBody >> 20) MB")
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
        }
        return nil
    }
}
