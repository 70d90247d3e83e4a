import ArgumentParser
import Foundation
import MaillageFormats
import MaillageStore
import MaillageTravel

struct TravelOSRMCommand: MaillageCommand {
    static let configuration = CommandConfiguration(
        commandName: "osrm",
        abstract: "Compute road times and distances with OSRM and store them as a directed travel matrix.",
        discussion: """
            With --pbf, the OSRM programs (osrm-extract, osrm-partition, osrm-customize, osrm-routed; \
            scripts/install-osrm.sh puts them in .build-osrm/bin) prepare the graph (MLD) once per file \
            and profile, kept in the cache folder, then a private osrm-routed answers on a loopback port \
            and is stopped at the end, on errors and on Ctrl-C. With --url, a server you run \
            (docker run -p 5000:5000 osrm/osrm-backend osrm-routed --algorithm mld /data/region.osrm).
            Pairs over --limit and pairs with no road are not stored. Points farther than \
            --snap-warning metres from a road are listed (usually a wrong coordinate). The matrix \
            is written in one transaction; other commands use it with --travel matrix --matrix NAME.
            Example: maillage travel osrm --db t.db --pbf region.osm.pbf --limit 60 --to hospital
            """
    )

    @Option(help: "The territory database.")
    var db: String

    @Option(help: "An OpenStreetMap extract (.osm.pbf) to route on.")
    var pbf: String?

    @Option(help: "A running OSRM server, http://HOST:PORT (instead of --pbf).")
    var url: String?

    @Option(help: "OSRM profile: car, bicycle, foot, or the path of a .lua profile (with --pbf).")
    var profile = "car"

    @Option(help: "Keep only pairs within this many minutes (default: every routed pair).")
    var limit: Double?

    @Option(help: "The matrix's name (default: osrm_<profile>).")
    var name: String?

    @OptionGroup var endpoints: TravelEndpointOptions

    @Option(help: "Folder of the OSRM programs (default: the PATH).")
    var osrmBin: String?

    @Option(
        help:
            "Where prepared graphs are kept (default: $MAILLAGE_CACHE_DIR/osrm, $XDG_CACHE_HOME/maillage/osrm or ~/.cache/maillage/osrm)."
    )
    var cacheDir: String?

    @Option(help: "Origins and destinations per side of one /table request (default 250 with --pbf, 100 with --url).")
    var block: Int?

    @Option(help: "Table requests in flight at once.")
    var concurrency = 4

    @Option(help: "Name the points farther than this many metres from their road.")
    var snapWarning = 1000.0

    @Flag(help: "Print the report as JSON on stdout.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (pbf == nil) != (url == nil) else {
            throw ValidationError("give either --pbf FILE or --url http://HOST:PORT.")
        }
        if let url, URL(string: url)?.scheme?.hasPrefix("http") != true {
            throw ValidationError("--url must be an http:// address, not '\(url)'.")
        }
        if let limit, !(limit.isFinite && limit > 0) {
            throw ValidationError("--limit must be a positive number of minutes.")
        }
        if let block, block < 1 { throw ValidationError("--block must be 1 or more.") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be 1 or more.") }
        guard snapWarning.isFinite, snapWarning >= 0 else {
            throw ValidationError("--snap-warning must be 0 or more metres.")
        }
    }

    func execute() throws {
        let database = try TerritoryDatabase.open(at: db)
        let source: RoadMatrixJob.Source
        if let pbf {
            let cache = cacheDir.map { URL(fileURLWithPath: $0) } ?? PreparedGraph.defaultCacheFolder
            source = .pbf(path: pbf, osrmBin: osrmBin, cache: cache)
        } else {
            source = .server(URL(string: url!)!)
        }
        var job = RoadMatrixJob(source: source)
        job.profile = profile
        job.limitMinutes = limit
        job.name = name
        job.from = try endpoints.origins()
        job.to = try endpoints.destinations()
        job.blockSize = block
        job.concurrency = concurrency
        job.snapThresholdMetres = snapWarning
        // Ctrl-C stops the OSRM programs this run started; the matrix is stored in one transaction at the end.
        let interrupts = InterruptGuard()
        _ = interrupts.onInterrupt { ChildProcesses.shared.terminateAll() }
        let bar = ProgressBar(estimatedTotal: 1, unit: "pairs", global: global)
        let global = global
        let configured = job
        let report = try BlockingTask.run {
            try await configured.run(
                into: database, onStep: { global.detail("travel osrm: \($0)") },
                progress: { done, total in bar.update(done, of: total) })
        }
        bar.finish()
        try show(report)
    }

    private func show(_ report: RoadMatrixReport) throws {
        if json {
            print(try JSONText.report(report))
            return
        }
        var lines = [
            "travel osrm: stored \(report.stored) pairs in matrix '\(report.matrix)' (\(report.origins) origins × \(report.destinations) destinations, \(report.requests) requests, \(String(format: "%.1f", report.seconds)) s)"
        ]
        if let cached = report.graphWasCached {
            lines.append(
                "  graph: \(cached ? "from the cache" : "prepared") (\(report.provenance.engine) \(report.provenance.version), profile \(report.provenance.profile))"
            )
        }
        if report.overLimit > 0 { lines.append("  \(report.overLimit) pairs over the limit were left out") }
        if report.unroutable > 0 {
            lines.append("  \(report.unroutable) pairs have no road between them (unreachable)")
        }
        if report.replacedPairs > 0 {
            lines.append("  replaced the \(report.replacedPairs) pairs of the previous matrix '\(report.matrix)'")
        }
        if !report.farFromRoad.isEmpty {
            let shown = report.farFromRoad.prefix(20).map { "\($0.type) \($0.id) (\(Int($0.metres.rounded())) m)" }
                .joined(separator: ", ")
            let more = report.farFromRoad.count > 20 ? ", … (--json lists all)" : ""
            lines.append(
                "  \(report.farFromRoad.count) points are more than \(Int(snapWarning)) m from a road (check their coordinates): \(shown)\(more)"
            )
        }
        for line in lines { global.status(line) }
    }
}
