import Foundation
import MaillageTestSupport
import Testing

/// `maillage travel osrm` end to end on real OpenStreetMap extracts, checked pair by pair
/// against OSRM's own `/table` answers from a server the test runs itself.
@Suite(.serialized, .enabled(if: OSRMBinaries.shouldRun, OSRMBinaries.skipMessage))
struct TravelOSRMCommandTests {
    typealias CLI = CommandLineTests

    let folder: TemporaryFolder
    let cache: String

    init() throws {
        folder = try TemporaryFolder()
        cache = folder.path("cache")
    }

    /// Monaco and the French communes at its edge; ZSEA is 3 km out at sea.
    static let monacoZones = """
        id,name,lat,lon,population
        Z1,Monaco-Ville,43.7311,7.4197,1000
        Z2,Monte-Carlo,43.7396,7.4276,3000
        Z3,Fontvieille,43.7278,7.4155,2000
        Z4,La Condamine,43.7347,7.4206,2500
        Z5,Larvotto,43.7460,7.4350,1500
        Z6,Beausoleil,43.7436,7.4241,13000
        Z7,Cap-d'Ail,43.7217,7.4050,4500
        ZSEA,Offshore,43.7100,7.4500,0
        """
    static let monacoActors = """
        id,kind,name,lat,lon
        H1,hospital,CHPG,43.7292,7.4128
        G1,gp,Cabinet A,43.7380,7.4240
        G2,gp,Cabinet B,43.7420,7.4300
        P1,pharmacy,Pharmacie,43.7330,7.4180
        """
    static let barthZones = """
        id,name,lat,lon,population
        GUS,Gustavia,17.8960,-62.8500,2500
        SJ,Saint-Jean,17.9000,-62.8300,1500
        LOR,Lorient,17.9050,-62.8180,1200
        GCS,Grand Cul-de-Sac,17.9070,-62.7950,800
        COL,Colombier,17.9200,-62.8650,300
        FLA,Flamands,17.9150,-62.8620,600
        TOI,Toiny,17.8980,-62.7990,200
        """

    func territory(_ name: String, zones: String, actors: String?) throws -> String {
        let db = folder.path("\(name).db")
        #expect(try CLI.run("init", db).status == 0)
        #expect(try CLI.run("import", "zones", folder.write("\(name)-zones.csv", zones), "--db", db).status == 0)
        if let actors {
            #expect(try CLI.run("import", "actors", folder.write("\(name)-actors.csv", actors), "--db", db).status == 0)
        }
        return db
    }

    func osrm(_ db: String, pbf: String, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(
            ["travel", "osrm", "--db", db, "--pbf", pbf, "--osrm-bin", OSRMBinaries.folder.path, "--cache-dir", cache]
                + extra)
    }

    /// The stored matrix as `maillage export matrix` writes it: origin → destination → (minutes, km).
    func stored(_ db: String, name: String = "osrm_car") throws -> (
        text: String, pairs: [String: [String: (Double, Double)]]
    ) {
        let out = folder.path("export-\(UUID().uuidString).csv")
        let result = try CLI.run("export", "matrix", "--db", db, "--out", out, "--matrix", name)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        var pairs: [String: [String: (Double, Double)]] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            pairs[cells[0], default: [:]][cells[1]] = (Double(cells[2])!, Double(cells[3]) ?? -1)
        }
        return (text, pairs)
    }

    /// `(id, "lon,lat")` of a zones CSV (id,name,lat,lon,…) or an actors CSV (id,kind,name,lat,lon).
    func coordinates(_ csv: String, latColumn: Int) -> [(id: String, coordinate: String)] {
        csv.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",").map(String.init)
            return (cells[0], "\(cells[latColumn + 1]),\(cells[latColumn])")
        }
    }

    @Test func monacoMatrixEqualsOSRMsOwnTablePairByPair() throws {
        let db = try territory("monaco", zones: Self.monacoZones, actors: Self.monacoActors)
        let pbf = try SharedData.path("osm/monaco.osm.pbf")
        let run = try osrm(db, pbf: pbf, ["--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let zones = coordinates(Self.monacoZones, latColumn: 2)
        let actors = coordinates(Self.monacoActors, latColumn: 3)
        let reference = try ReferenceOSRM(pbf: pbf)
        let table = try reference.table(
            zones.map(\.coordinate) + actors.map(\.coordinate),
            sources: Array(zones.indices), destinations: Array(zones.count..<(zones.count + actors.count)))
        reference.stop()
        #expect(table.code == "Ok")
        let matrix = try stored(db).pairs
        var compared = 0
        for (i, zone) in zones.enumerated() {
            for (j, actor) in actors.enumerated() {
                guard let seconds = table.durations[i][j] else {
                    #expect(matrix[zone.id]?[actor.id] == nil)
                    continue
                }
                let pair = try #require(matrix[zone.id]?[actor.id], "\(zone.id) → \(actor.id) missing")
                #expect(pair.0 == seconds / 60, "\(zone.id) → \(actor.id)")
                #expect(pair.1 == table.distances[i][j]! / 1000, "\(zone.id) → \(actor.id)")
                compared += 1
            }
        }
        #expect(compared == zones.count * actors.count)
        #expect(matrix.values.reduce(0) { $0 + $1.count } == compared)
        // Monaco's streets: trips of a few minutes, not zero and not hours.
        #expect(matrix.values.flatMap(\.values).allSatisfy { $0.0 > 0 && $0.0 < 30 })

        // The snapping report names the point at sea, with OSRM's own distance.
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let far = json["far_from_road"] as! [[String: Any]]
        #expect(far.map { $0["id"] as! String } == ["ZSEA"])
        let sea = zones.firstIndex { $0.id == "ZSEA" }!
        #expect(abs((far[0]["metres"] as! Double) - table.sources[sea].distance) < 1e-6)
        let provenance = json["provenance"] as! [String: Any]
        #expect(provenance["version"] as? String == "v26.10.0")
        #expect(provenance["engine"] as? String == "OSRM")
        #expect((provenance["pbf_sha256"] as? String)?.count == 64)
        let snaps = provenance["snap_m"] as! [String: Double]
        #expect(abs(snaps["actor:G1"]! - table.destinations[actors.firstIndex { $0.id == "G1" }!].distance) < 1e-6)

        // A higher threshold names nobody.
        let quiet = try osrm(db, pbf: pbf, ["--snap-warning", "5000", "--json"])
        #expect(quiet.status == 0)
        #expect(
            ((try JSONSerialization.jsonObject(with: Data(quiet.stdout.utf8)) as! [String: Any])["far_from_road"]
                as! [Any]).isEmpty)
    }

    @Test func saintBarthelemyZonesToZonesEqualsOSRMsTable() throws {
        let db = try territory("barth", zones: Self.barthZones, actors: nil)
        let pbf = try SharedData.path("osm/saint_barthelemy.osm.pbf")
        let run = try osrm(db, pbf: pbf, ["--from", "zones", "--to", "zones", "--block", "3", "--concurrency", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let zones = coordinates(Self.barthZones, latColumn: 2)
        let reference = try ReferenceOSRM(pbf: pbf)
        let table = try reference.table(
            zones.map(\.coordinate), sources: Array(zones.indices), destinations: Array(zones.indices))
        reference.stop()
        let matrix = try stored(db).pairs
        for (i, from) in zones.enumerated() {
            for (j, to) in zones.enumerated() {
                let pair = try #require(matrix[from.id]?[to.id], "\(from.id) → \(to.id)")
                #expect(pair.0 == table.durations[i][j]! / 60)
                #expect(pair.1 == table.distances[i][j]! / 1000)
            }
        }
        // Directed: the island's one-way streets make some trips differ by direction.
        #expect(
            zones.indices.contains { i in zones.indices.contains { j in table.durations[i][j] != table.durations[j][i] }
            })
    }

    @Test func sameStoredMatrixWhateverTheBlockSizeAndConcurrency() throws {
        let pbf = try SharedData.path("osm/monaco.osm.pbf")
        var exports: [String] = []
        for (block, concurrency) in [("250", "1"), ("2", "4"), ("3", "2")] {
            let db = try territory("blocks\(block)", zones: Self.monacoZones, actors: Self.monacoActors)
            let run = try osrm(
                db, pbf: pbf,
                ["--from", "zones", "--to", "actors", "--block", block, "--concurrency", concurrency, "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            exports.append(try stored(db).text)
        }
        #expect(exports[0].split(whereSeparator: \.isNewline).count == 8 * 4 + 1)
        #expect(exports[1] == exports[0])
        #expect(exports[2] == exports[0])
    }

    @Test func limitKeepsExactlyThePairsWithinIt() throws {
        let db = try territory("limit", zones: Self.monacoZones, actors: Self.monacoActors)
        let pbf = try SharedData.path("osm/monaco.osm.pbf")
        #expect(try osrm(db, pbf: pbf).status == 0)
        let all = try stored(db).pairs
        let run = try osrm(db, pbf: pbf, ["--limit", "2.5", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let kept = try stored(db).pairs
        var within = 0
        for (origin, row) in all {
            for (destination, time) in row {
                if time.0 <= 2.5 {
                    within += 1
                    #expect(kept[origin]?[destination]?.0 == time.0)
                } else {
                    #expect(kept[origin]?[destination] == nil)
                }
            }
        }
        #expect(within > 0 && within < 32)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(json["stored"] as? Int == within)
        #expect(json["over_limit"] as? Int == 32 - within)
    }

    @Test func secondRunUsesTheCachedGraph() throws {
        let db = try territory("cache", zones: Self.monacoZones, actors: Self.monacoActors)
        let pbf = try SharedData.path("osm/monaco.osm.pbf")
        let first = try osrm(db, pbf: pbf, ["--json"])
        #expect(first.stdout.contains("\"graph_was_cached\" : false"))
        let graphs = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(graphs.count == 1)
        let partition = "\(cache)/\(graphs[0])/region.osrm.partition"
        let made = try FileManager.default.attributesOfItem(atPath: partition)[.modificationDate] as! Date
        let second = try osrm(db, pbf: pbf, ["--json"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("\"graph_was_cached\" : true"))
        #expect(try FileManager.default.attributesOfItem(atPath: partition)[.modificationDate] as! Date == made)
        // Another file is another graph.
        let copy = folder.path("barth.osm.pbf")
        try FileManager.default.copyItem(atPath: try SharedData.path("osm/saint_barthelemy.osm.pbf"), toPath: copy)
        let other = try territory("cache2", zones: Self.barthZones, actors: nil)
        #expect(try osrm(other, pbf: copy, ["--to", "zones"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).count == 2)
        #expect(try stored(db).pairs.values.reduce(0) { $0 + $1.count } == 32)
    }

    /// A database with a matrix already stored, to check that a failure leaves it as it was.
    func databaseWithMatrix(_ name: String) throws -> (db: String, before: String) {
        let db = try territory(name, zones: Self.monacoZones, actors: Self.monacoActors)
        let matrix = try folder.write("\(name)-m.csv", "origin_id,destination_id,minutes\nZ1,H1,7\n")
        #expect(try CLI.run("import", "matrix", matrix, "--db", db, "--name", "osrm_car").status == 0)
        return (db, try stored(db).text)
    }

    @Test func notAPBFIsADataErrorAndStoresNothing() throws {
        let (db, before) = try databaseWithMatrix("notpbf")
        let text = try folder.write("region.osm.pbf", "this is not a pbf\n")
        let run = try osrm(db, pbf: text)
        #expect(run.status == 65)
        #expect(run.stderr.contains("region.osm.pbf is not an OpenStreetMap .pbf file"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(try stored(db).text == before)
    }

    @Test func pbfWithoutRoadsIsADataError() throws {
        let (db, before) = try databaseWithMatrix("noroads")
        let pbf = OSRMBinaries.packageRoot.appendingPathComponent("Tests/Fixtures/osm/no-roads.osm.pbf").path
        let run = try osrm(db, pbf: pbf)
        #expect(run.status == 65)
        #expect(run.stderr.contains("has no road that the 'car' profile can drive on"))
        #expect(try stored(db).text == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).isEmpty)
    }

    @Test func missingToolAndMissingFileAreMissingInput() throws {
        let (db, before) = try databaseWithMatrix("missing")
        let empty = folder.path("empty-bin")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = [
            "travel", "osrm", "--db", db, "--pbf", try SharedData.path("osm/monaco.osm.pbf"), "--osrm-bin", empty,
            "--cache-dir", cache,
        ]
        process.environment = ["PATH": empty]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 66)
        #expect(stderr.contains("osrm-extract was not found") && stderr.contains("install-osrm.sh"))
        let absent = try osrm(db, pbf: folder.path("absent.osm.pbf"))
        #expect(absent.status == 66)
        #expect(absent.stderr.contains("absent.osm.pbf does not exist"))
        #expect(try stored(db).text == before)
    }

    /// The table's pairs wait in a temporary file: a temporary folder that cannot take it is one
    /// sentence naming the folder and what to do, exit 74, and nothing stored.
    @Test func aTemporaryFolderThatCannotTakeThePairsIsAnIOError() throws {
        let (db, before) = try databaseWithMatrix("no-scratch")
        let run = try CLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            [
                "TMPDIR=/nonexistent-maillage-folder", CLI.binary.path, "travel", "osrm", "--db", db, "--url",
                "http://127.0.0.1:9",
            ])
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("/nonexistent-maillage-folder") && run.stderr.contains("TMPDIR"), "\(run.stderr)")
        #expect(try stored(db).text == before)
    }

    @Test func unreachableServerIsAnIOErrorAndStoresNothing() throws {
        let (db, before) = try databaseWithMatrix("unreachable")
        // A port nobody listens on: bound and released by a socket of ours.
        let run = try CLI.run("travel", "osrm", "--db", db, "--url", "http://127.0.0.1:9", "--json")
        #expect(run.status == 74)
        #expect(run.stderr.contains("does not answer") && run.stderr.contains("nothing was stored"))
        #expect(try stored(db).text == before)
    }

    /// A server that answers some requests then dies (a Python stand-in in front of a real
    /// osrm-routed): the run fails cleanly and the previous matrix stays; a server that
    /// fails one request in three transiently is retried and gives the exact table.
    @Test func dyingServerStoresNothingAndFlakyServerIsRetried() throws {
        let pbf = try SharedData.path("osm/monaco.osm.pbf")
        let reference = try ReferenceOSRM(pbf: pbf)
        defer { reference.stop() }
        let proxy = try folder.write("proxy.py", Self.proxy)
        func withProxy(_ mode: String, _ body: (Int) throws -> Void) throws {
            let port = 40_000 + Int.random(in: 0..<20_000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", proxy, "\(port)", "\(reference.port)", mode]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer {
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                }
            }
            Thread.sleep(forTimeInterval: 0.7)
            try body(port)
        }
        let (db, before) = try databaseWithMatrix("dying")
        try withProxy("die-after-2") { port in
            let run = try CLI.run(
                "travel", "osrm", "--db", db, "--url", "http://127.0.0.1:\(port)", "--block", "2", "--concurrency", "1")
            #expect(run.status == 74, "\(run.stderr)")
            #expect(run.stderr.contains("does not answer"))
        }
        #expect(try stored(db).text == before)

        let direct = try territory("direct", zones: Self.monacoZones, actors: Self.monacoActors)
        #expect(try osrm(direct, pbf: pbf).status == 0)
        let flaky = try territory("flaky", zones: Self.monacoZones, actors: Self.monacoActors)
        try withProxy("fail-every-3") { port in
            let run = try CLI.run(
                "travel", "osrm", "--db", flaky, "--url", "http://127.0.0.1:\(port)", "--block", "2", "--concurrency",
                "3")
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try stored(flaky).text == stored(direct).text)
    }

    static let proxy = #"""
        import http.server, socketserver, sys, threading, urllib.request, os
        port, upstream, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
        count = 0
        lock = threading.Lock()
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                global count
                with lock:
                    count += 1
                    n = count
                if mode == "die-after-2" and n > 2:
                    os._exit(1)
                if mode == "fail-every-3" and n % 3 == 0:
                    self.send_response(503); self.end_headers(); self.wfile.write(b"busy"); return
                with urllib.request.urlopen(f"http://127.0.0.1:{upstream}{self.path}") as answer:
                    body = answer.read()
                self.send_response(200); self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
            def log_message(self, *args): pass
        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True
        Server(("127.0.0.1", port), Handler).serve_forever()
        """#
}
