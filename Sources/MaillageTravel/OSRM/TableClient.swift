import Foundation
import MaillageCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Asks an OSRM server's `/table` service for the times and road distances of a whole
/// origins × destinations table, in blocks, several at a time.
///
/// A block the server finds too big (`TooBig`) is cut in four and asked again, so a server
/// whose limit is unknown (`--url`) still answers. Transient failures (no connection, a
/// time-out, HTTP 5xx or 429) are retried with a growing pause; a failure that persists
/// stops the whole table, and nothing is kept.
package struct TableClient: Sendable {
    /// The server's base URL.
    package let server: URL
    /// The profile segment of the URL (`driving`; OSRM's server ignores it, Metric-OSRM too).
    package var service = "driving"
    /// Origins and destinations per side of a block.
    package var blockSize = 100
    /// Requests in flight at once.
    package var concurrency = 4
    /// Tries per request before giving up.
    package var attempts = 4
    /// Seconds before a request counts as failed.
    package var timeout: TimeInterval = 300

    /// A client of `server` with 100-point blocks, 4 requests at once and 4 tries each.
    package init(server: URL) {
        self.server = server
    }

    /// One pair the server could route, by position in the origins and destinations.
    package struct Pair: Sendable, Hashable {
        /// The origin's position in the origins.
        package let origin: Int32
        /// The destination's position in the destinations.
        package let destination: Int32
        /// Seconds, as OSRM gives them (tenths).
        package let seconds: Double
        /// Metres, nil when the server gave no distance.
        package let metres: Double?
    }

    /// A whole table: the routed pairs within the limit, in (origin, destination) order,
    /// and how far each point was from the road it was snapped to.
    package struct Table: Sendable {
        /// The routed pairs, in (origin, destination) order.
        package var pairs: RoutedPairs
        /// Each origin's distance to its road, in metres; nil when the server did not say.
        package var originSnapMetres: [Double?]
        /// Each destination's distance to its road, in metres; nil when the server did not say.
        package var destinationSnapMetres: [Double?]
        /// Pairs the server said it cannot route (no road between them).
        package var unroutable: Int
        /// Routed pairs left out for being over the limit.
        package var overLimit: Int
        /// Requests made, retries included.
        package var requests: Int
    }

    /// Fetches the table; `progress` gets the pairs done so far and the total.
    package func table(
        origins: [GeoPoint], destinations: [GeoPoint], limitSeconds: Double?,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Table {
        let blocks = TableBlock.plan(origins: origins.count, destinations: destinations.count, size: blockSize)
        let collected = try CollectedAnswers(blocks: blocks, origins: origins.count, destinations: destinations.count)
        let total = origins.count * destinations.count
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            // One thread per request in flight, blocked while the server computes
            // (``BlockingHTTPConnection`` says why); the first failure stops the others.
            let workers = DispatchGroup()
            for _ in 0..<min(concurrency, blocks.count) {
                workers.enter()
                Thread.detachNewThread {
                    defer { workers.leave() }
                    let transport = TableTransport(server: server, timeout: timeout)
                    while let index = collected.next() {
                        do {
                            let answer = try answer(
                                blocks[index], origins: origins, destinations: destinations,
                                limitSeconds: limitSeconds, transport: transport)
                            collected.store(answer, at: index) { progress($0, total) }
                        } catch {
                            collected.fail(error)
                        }
                    }
                }
            }
            workers.notify(queue: .global()) {
                if let error = collected.failure { continuation.resume(throwing: error) } else { continuation.resume() }
            }
        }
        return collected.result
    }

    /// What the server answered for one planned block (several parts when it was split).
    struct BlockAnswer: Sendable {
        var parts: [KeptPart] = []
        var requests = 0
    }

    /// One answer of the server as read, every figure of its block.
    struct Part: Sendable {
        let block: TableBlock
        let durations: [[Double?]]
        let distances: [[Double?]]?
        let sourceSnap: [Double?]
        let destinationSnap: [Double?]

        /// What the table keeps of it: the pairs within `limitSeconds` and the counts of the others.
        ///
        /// Made as soon as the answer is read, so that memory follows the pairs kept rather than
        /// the pairs asked (with a time limit, most of a large table is beyond it).
        func kept(limitSeconds: Double?) -> KeptPart {
            var kept = KeptPart(block: block, sourceSnap: sourceSnap, destinationSnap: destinationSnap)
            for (row, origin) in block.origins.enumerated() {
                for (column, destination) in block.destinations.enumerated() {
                    guard let seconds = durations[row][column] else {
                        kept.unroutable += 1
                        continue
                    }
                    if let limitSeconds, seconds > limitSeconds {
                        kept.overLimit += 1
                        continue
                    }
                    kept.pairs.append(
                        Pair(
                            origin: Int32(origin), destination: Int32(destination), seconds: seconds,
                            metres: distances?[row][column] ?? nil))
                }
            }
            return kept
        }
    }

    /// A block's pairs within the limit, the counts of those left out, and how far its points
    /// were from their roads.
    struct KeptPart: Sendable {
        let block: TableBlock
        var pairs: [Pair] = []
        var unroutable = 0
        var overLimit = 0
        let sourceSnap: [Double?]
        let destinationSnap: [Double?]
    }

    private func answer(
        _ block: TableBlock, origins: [GeoPoint], destinations: [GeoPoint], limitSeconds: Double?,
        transport: TableTransport
    ) throws -> BlockAnswer {
        var answer = BlockAnswer()
        var pending = [block]
        while let block = pending.popLast() {
            answer.requests += 1
            switch try request(block, origins: origins, destinations: destinations, transport: transport) {
            case .part(let part): answer.parts.append(part.kept(limitSeconds: limitSeconds))
            case .tooBig:
                guard block.pairCount > 1 else {
                    throw OSRMError.serverError(
                        url: server.absoluteString, code: "TooBig", message: "the server refuses even a 1 × 1 table")
                }
                pending += block.split()
            }
        }
        return answer
    }

    private enum Outcome: Sendable {
        case part(Part)
        case tooBig
    }

    /// One `/table` request, retried while its failure looks transient.
    private func request(
        _ block: TableBlock, origins: [GeoPoint], destinations: [GeoPoint], transport: TableTransport
    ) throws -> Outcome {
        let url = tableURL(block, origins: origins, destinations: destinations)
        var lastProblem = ""
        for attempt in 0..<attempts {
            if attempt > 0 { Thread.sleep(forTimeInterval: 0.25 * Double(1 << (attempt - 1))) }
            let answer: (body: Data, status: Int)
            do {
                answer = try transport.get(url)
            } catch {
                lastProblem = "\(error)"
                continue
            }
            switch try reply(answer.body, status: answer.status, block: block) {
            case .outcome(let outcome): return outcome
            case .retry(let problem): lastProblem = problem
            }
        }
        throw OSRMError.unreachable(url: server.absoluteString, detail: "\(attempts) tries; last: \(lastProblem)")
    }

    /// What one answer of the server means: a part of the table, a block to cut, or a failure worth retrying.
    private enum Reply {
        case outcome(Outcome)
        case retry(String)
    }

    /// Reads one `/table` answer (its bytes and HTTP status) for `block`; throws what no retry can mend.
    private func reply(_ data: Data, status: Int, block: TableBlock) throws -> Reply {
        let body = try? JSONDecoder().decode(TableResponse.self, from: data)
        if status == 200, let body, body.code == "Ok" { return .outcome(.part(try part(block, body))) }
        if body?.code == "TooBig" { return .outcome(.tooBig) }
        if status >= 500 || status == 429 || body == nil {
            return .retry("HTTP \(status)" + (body?.message.map { ": \(TextExcerpt.quoted($0))" } ?? ""))
        }
        throw OSRMError.serverError(
            url: server.absoluteString, code: body.map { TextExcerpt.quoted($0.code) } ?? "HTTP \(status)",
            message: body?.message.map { TextExcerpt.quoted($0) } ?? "no message")
    }

    /// The table one answer of the server makes when it is the only block: the bytes a server
    /// sends, read and assembled as ``table(origins:destinations:limitSeconds:progress:)`` reads
    /// them (the fuzz target's way in, with no server).
    ///
    /// - Returns: nil when the answer asks for a retry or a smaller block.
    /// - Throws: ``OSRMError`` when the answer is malformed or an error the server insists on.
    package func table(
        answer data: Data, status: Int, origins: Int, destinations: Int, limitSeconds: Double?
    ) throws -> Table? {
        let block = TableBlock(origins: 0..<origins, destinations: 0..<destinations)
        guard case .outcome(.part(let part)) = try reply(data, status: status, block: block) else { return nil }
        let collected = try CollectedAnswers(blocks: [block], origins: origins, destinations: destinations)
        collected.store(BlockAnswer(parts: [part.kept(limitSeconds: limitSeconds)], requests: 1), at: 0) { _ in }
        if let failure = collected.failure { throw failure }
        return collected.result
    }

    /// The block's part of the table, once every array has the block's shape and every figure is
    /// a finite, non-negative number: a server's answer is input like a file (assembling indexes
    /// the distances and the waypoints by the block's positions).
    private func part(_ block: TableBlock, _ body: TableResponse) throws -> Part {
        let (rows, columns) = (block.origins.count, block.destinations.count)
        func bad(_ message: String) -> OSRMError {
            OSRMError.serverError(url: server.absoluteString, code: "BadAnswer", message: message)
        }
        func fits(_ table: [[Double?]]) -> Bool { table.count == rows && table.allSatisfy { $0.count == columns } }
        func valid(_ value: Double?) -> Bool { value.map { $0.isFinite && $0 >= 0 } ?? true }
        guard let durations = body.durations, fits(durations) else {
            throw bad("the table does not have \(rows) × \(columns) durations")
        }
        if let distances = body.distances, !fits(distances) {
            throw bad("the table does not have \(rows) × \(columns) distances")
        }
        if let sources = body.sources, sources.count != rows {
            throw bad("the answer has \(sources.count) sources for \(rows) origins")
        }
        if let destinations = body.destinations, destinations.count != columns {
            throw bad("the answer has \(destinations.count) destinations for \(columns) asked")
        }
        let figures =
            durations.joined().map { $0 } + (body.distances?.joined().map { $0 } ?? [])
            + (body.sources ?? []).map(\.distance) + (body.destinations ?? []).map(\.distance)
        guard figures.allSatisfy(valid) else {
            throw bad("the answer holds a negative or infinite duration or distance")
        }
        return Part(
            block: block, durations: durations, distances: body.distances,
            sourceSnap: body.sources?.map(\.distance) ?? .init(repeating: nil, count: rows),
            destinationSnap: body.destinations?.map(\.distance) ?? .init(repeating: nil, count: columns))
    }

    /// `/table/v1/driving/lon,lat;…?sources=0;…&destinations=…&annotations=duration,distance`.
    func tableURL(_ block: TableBlock, origins: [GeoPoint], destinations: [GeoPoint]) -> URL {
        let points = block.origins.map { origins[$0] } + block.destinations.map { destinations[$0] }
        let coordinates = points.map { Self.coordinate($0) }.joined(separator: ";")
        let sources = (0..<block.origins.count).map(String.init).joined(separator: ";")
        let targets = (block.origins.count..<points.count).map(String.init).joined(separator: ";")
        let text =
            "\(server.absoluteString.trimmingSuffix("/"))/table/v1/\(service)/\(coordinates)?sources=\(sources)&destinations=\(targets)&annotations=duration,distance"
        return URL(string: text)!
    }

    /// Longitude and latitude to 1e-6° (OSRM's own fixed-point precision).
    static func coordinate(_ point: GeoPoint) -> String {
        String(format: "%.6f,%.6f", point.longitude, point.latitude)
    }
}

/// The fields of a `/table` answer that Maillage reads.
struct TableResponse: Decodable, Sendable {
    struct Waypoint: Decodable, Sendable {
        let distance: Double?
    }

    let code: String
    let message: String?
    let durations: [[Double?]]?
    let distances: [[Double?]]?
    let sources: [Waypoint]?
    let destinations: [Waypoint]?
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
