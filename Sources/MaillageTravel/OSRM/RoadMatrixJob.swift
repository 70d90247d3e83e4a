import Foundation
import MaillageCore
import MaillageStore

/// `maillage travel osrm`: road times from zones to actors (or any combination) computed by
/// OSRM and stored as a directed travel matrix, in one transaction, with provenance.
///
/// With a .pbf the graph is prepared (or found in the cache) and a private `osrm-routed` is
/// started on a loopback port and stopped on every path; with a URL the planner's server is
/// used. Nothing is stored unless every block was answered.
public struct RoadMatrixJob: Sendable {
    /// Where the road times come from.
    public enum Source: Sendable {
        /// Prepare the graph from this .pbf, with the OSRM programs in `osrmBin` or on the PATH.
        case pbf(path: String, osrmBin: String?, cache: URL)
        /// A running server.
        case server(URL)
    }

    /// A .pbf to prepare, or a running server.
    public var source: Source
    /// The OSRM profile: `car`, `bicycle`, `foot` or a .lua path.
    public var profile = "car"
    /// Keep only pairs of at most this many minutes; every routed pair when nil.
    public var limitMinutes: Double?
    /// The matrix's name; `osrm_<profile>` when nil.
    public var name: String?
    /// The origins: the zones by default.
    public var from = EndpointSelection.zones
    /// The destinations: every actor by default.
    public var to = EndpointSelection.actors(nil)
    /// Points per side of a request; 250 with a private server (started with that limit),
    /// 100 (osrm-routed's default limit) with a URL. Too-big blocks are split anyway.
    public var blockSize: Int?
    /// Requests in flight at once.
    public var concurrency = 4
    /// Points farther than this from their road are named in the report.
    public var snapThresholdMetres = 1000.0

    /// A job from `source` with the defaults: car, zones to actors, no limit.
    public init(source: Source) {
        self.source = source
    }

    /// Called with a few words when a step starts (extract, start server…).
    public typealias StepHandler = @Sendable (String) -> Void
    /// Called with the pairs done and the total while the table is fetched.
    public typealias ProgressHandler = @Sendable (Int, Int) -> Void

    /// Routes every pair and stores the matrix in one transaction, replacing one of the same name.
    ///
    /// - Throws: ``OSRMError`` when a program, profile or file is missing, the server cannot be reached or refuses, or
    ///   there is nothing to route; store errors.
    public func run(
        into database: TerritoryDatabase, onStep: StepHandler = { _ in },
        progress: @escaping ProgressHandler = { _, _ in }
    ) async throws -> RoadMatrixReport {
        let start = Date()
        var clock = PhaseClock()
        let territory = try database.loadTerritory()
        let origins = from.points(of: territory)
        let destinations = to.points(of: territory)
        guard !origins.isEmpty else { throw OSRMError.nothingToRoute("the territory has no \(from) to route from") }
        guard !destinations.isEmpty else { throw OSRMError.nothingToRoute("the territory has no \(to) to route to") }
        if let limitMinutes, !(limitMinutes.isFinite && limitMinutes > 0) {
            throw OSRMError.nothingToRoute("the limit must be a positive number of minutes, not \(limitMinutes)")
        }
        clock.lap(\.load)

        var provenance = RoadMatrixProvenance(
            engine: "OSRM", version: "unknown (remote server)", algorithm: "MLD", profile: profile, profileSHA256: nil,
            pbf: nil, pbfSHA256: nil, server: nil, createdAt: ISO8601DateFormatter().string(from: start),
            from: from.description, to: to.description, limitMinutes: limitMinutes, pairs: 0,
            snapThresholdMetres: snapThresholdMetres, snapMetres: [:]
        )
        let server: RoutedServer?
        let url: URL
        var cached: Bool?
        switch source {
        case .pbf(let path, let osrmBin, let cache):
            let tools = try OSRMTools(folder: osrmBin)
            let profileFile = try tools.profile(profile)
            let version = try tools.version()
            let graph = try PreparedGraph.prepare(
                pbf: path, profile: profileFile, profileName: profile, tools: tools,
                version: version, cache: cache, onStep: onStep)
            cached = graph.wasCached
            clock.lap(\.prepare)
            provenance.version = version
            provenance.profileSHA256 = try SHA256File.hex(of: profileFile.path)
            provenance.pbf = URL(fileURLWithPath: path).lastPathComponent
            provenance.pbfSHA256 = graph.pbfHash
            onStep("starting osrm-routed")
            let started = try RoutedServer.start(
                graph: graph, tools: tools, maxTableSize: max(blockSize ?? 250, 100),
                threads: ProcessInfo.processInfo.activeProcessorCount)
            server = started
            url = started.url
            clock.lap(\.serverStart)
        case .server(let remote):
            server = nil
            url = remote
            provenance.server = remote.absoluteString
        }
        defer { server?.stop() }

        var client = TableClient(server: url)
        client.blockSize = blockSize ?? (server == nil ? 100 : 250)
        client.concurrency = max(1, concurrency)
        onStep(
            "querying \(origins.count) × \(destinations.count) pairs in blocks of \(client.blockSize) × \(client.blockSize), \(client.concurrency) at a time"
        )
        let table = try await client.table(
            origins: origins.map(\.point), destinations: destinations.map(\.point),
            limitSeconds: limitMinutes.map { $0 * 60 }, progress: progress
        )
        clock.lap(\.table)
        server?.stop()

        let snapping = SnapReport(
            origins: origins, destinations: destinations, table: table, threshold: snapThresholdMetres)
        provenance.snapMetres = snapping.metres
        provenance.pairs = table.pairs.count
        let definition = TravelMatrixDefinition(
            name: name ?? "osrm_\(Self.safeName(profile))", isDirected: true, intrazoneMinutes: 0,
            description: provenance.summary
        )
        let replaced = try store(
            table, origins: origins, destinations: destinations, definition: definition,
            provenance: provenance, into: database)
        clock.lap(\.store)
        return RoadMatrixReport(
            matrix: definition.name, origins: origins.count, destinations: destinations.count,
            stored: table.pairs.count,
            overLimit: table.overLimit, unroutable: table.unroutable, requests: table.requests, replacedPairs: replaced,
            graphWasCached: cached, farFromRoad: snapping.far, provenance: provenance,
            seconds: Date().timeIntervalSince(start),
            timings: clock.timings
        )
    }

    /// Replaces the matrix and records its provenance, in one transaction.
    private func store(
        _ table: TableClient.Table, origins: [TravelPoint], destinations: [TravelPoint],
        definition: TravelMatrixDefinition,
        provenance: RoadMatrixProvenance, into database: TerritoryDatabase
    ) throws -> Int {
        var all = try RoadMatrixProvenance.all(in: database)
        all[definition.name] = provenance
        return try database.transaction { writer in
            let (inserter, replaced) = try writer.replaceTravelMatrix(definition)
            try table.pairs.forEachPair { pair in
                try inserter.add(
                    from: origins[Int(pair.origin)].endpoint, to: destinations[Int(pair.destination)].endpoint,
                    minutes: pair.seconds / 60, km: pair.metres.map { $0 / 1000 })
            }
            try inserter.finish()
            try writer.setMetadata(.travelProvenance, try RoadMatrixProvenance.encode(all))
            return replaced
        }
    }

    static func safeName(_ profile: String) -> String {
        URL(fileURLWithPath: profile).deletingPathExtension().lastPathComponent
    }
}

/// What `travel osrm` did, for the terminal and `--json`.
public struct RoadMatrixReport: Sendable, Encodable {
    /// The stored matrix's name.
    public let matrix: String
    /// The number of origins routed from.
    public let origins: Int
    /// The number of destinations routed to.
    public let destinations: Int
    /// Pairs stored.
    public let stored: Int
    /// Routed pairs left out for being over the limit.
    public let overLimit: Int
    /// Pairs OSRM could not route (no road between them).
    public let unroutable: Int
    /// `/table` requests made, retries included.
    public let requests: Int
    /// Pairs of an earlier matrix of the same name that this one replaced.
    public let replacedPairs: Int
    /// True when the prepared graph came from the cache; nil with a URL.
    public let graphWasCached: Bool?
    /// Points farther from their road than the threshold, farthest first.
    public let farFromRoad: [SnapReport.Far]
    /// Engine, profile, inputs' hashes and date, as stored with the matrix.
    public let provenance: RoadMatrixProvenance
    /// Wall-clock seconds of the whole run.
    public let seconds: Double
    /// Wall-clock seconds by phase (the table phase is OSRM answering plus reading its JSON).
    public let timings: PhaseClock.Timings
}

/// Wall-clock time of each phase of a run, for the benchmark and `--verbose`.
public struct PhaseClock: Sendable {
    /// Seconds spent in each phase.
    public struct Timings: Sendable, Encodable {
        /// Reading the territory.
        public var load = 0.0
        /// Hashing the .pbf and preparing the graph (or finding it in the cache).
        public var prepare = 0.0
        /// Starting the private `osrm-routed` and waiting until it answers.
        public var serverStart = 0.0
        /// The /table requests, assembling and sorting the pairs.
        public var table = 0.0
        /// Writing the matrix and its provenance.
        public var store = 0.0
    }

    /// The seconds counted so far.
    public private(set) var timings = Timings()
    private var last = Date()

    mutating func lap(_ phase: WritableKeyPath<Timings, Double>) {
        let now = Date()
        timings[keyPath: phase] += now.timeIntervalSince(last)
        last = now
    }
}

/// How far each point is from the road OSRM snapped it to, and which are too far.
public struct SnapReport: Sendable {
    /// A point farther from its road than the threshold.
    public struct Far: Sendable, Encodable, Hashable {
        /// `zone` or `actor`.
        public let type: String
        /// The zone's or actor's id.
        public let id: String
        /// Its distance to the road OSRM snapped it to, in metres.
        public let metres: Double
    }

    /// Metres by `type:id` (`zone:19031`).
    public let metres: [String: Double]
    /// The points over the threshold, farthest first.
    public let far: [Far]

    init(origins: [TravelPoint], destinations: [TravelPoint], table: TableClient.Table, threshold: Double) {
        var metres: [String: Double] = [:]
        var far: [Far] = []
        for (points, snaps) in [(origins, table.originSnapMetres), (destinations, table.destinationSnapMetres)] {
            for (point, snap) in zip(points, snaps) {
                guard let snap else { continue }
                let key = "\(point.endpoint.kind.rawValue):\(point.endpoint.id)"
                guard metres.updateValue(snap, forKey: key) == nil else { continue }
                if snap > threshold {
                    far.append(Far(type: point.endpoint.kind.rawValue, id: point.endpoint.id, metres: snap))
                }
            }
        }
        self.metres = metres
        self.far = far.sorted { ($0.metres, $1.id) > ($1.metres, $0.id) }
    }
}
