import Foundation
import MaillageTestSupport
import Testing

/// Equity of emergency access on the real territory (scripts/build-occitanie.sh from
/// ../shared/data): queen contiguity of IGN's commune outlines, Moran's I and local Moran equal
/// PySAL's (libpysal `Queen.from_iterable` on the original boundary files, `esda`), and the
/// population-weighted Gini and Theil by département equal `inequality`'s on repeated values.
@Suite(.enabled(if: SharedData.shouldRun, SharedData.skipMessage))
struct OccitanieEquityTests {
    @Test(
        .enabled(
            if: PythonPeer.requiredOrAvailable(["inequality", "esda", "libpysal", "shapely"]),
            "needs PySAL: make test installs it (scripts/install-test-python.sh)"))
    func realCommunesMatchPySAL() throws {
        _ = try SharedData.path("communes/communes_occitanie5_attributes.csv")
        let boundaries = try ["09-ariege", "31-haute-garonne", "32-gers", "46-lot", "81-tarn"].map {
            try SharedData.path("communes/boundaries/communes-\($0).geojson")
        }
        let folder = try TemporaryFolder()
        let db = folder.path("occitanie5.db")
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/bin/bash")
        build.arguments = [PythonPeer.checkout.appendingPathComponent("scripts/build-occitanie.sh").path, db]
        build.environment = ProcessInfo.processInfo.environment.merging(
            ["MAILLAGE": CommandLineTests.binary.path, "SHARED_DATA": SharedData.root.path], uniquingKeysWith: { $1 })
        build.standardOutput = FileHandle.nullDevice
        try build.run()
        build.waitUntilExit()
        try #require(build.terminationStatus == 0)

        #expect(
            try CommandLineTests.run(
                "access", "nearest", "--db", db, "--kind", "hospital", "--service", "emergency",
                "--out", folder.path("ed.csv"), "-q"
            ).status == 0)
        #expect(
            try CommandLineTests.run("export", "zones", "--db", db, "--out", folder.path("zones.geojson"), "-q").status
                == 0)
        let equity = try CommandLineTests.run(
            "access", "equity", "--db", db, "--run", "1", "--spatial", "queen", "--permutations", "99",
            "--out", folder.path("equity.json"), "--zones-out", folder.path("lisa.csv"), "-q")
        #expect(equity.status == 0, "\(equity.stderr)")

        // The LISA file lists the zones used, in order, with their values.
        let lisa = try String(contentsOfFile: folder.path("lisa.csv"), encoding: .utf8).split(
            whereSeparator: \.isNewline
        ).dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let ids = lisa.map { $0[0] }
        let values = lisa.map { Double($0[1])! }
        var population: [String: Double] = [:]
        let collection =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("zones.geojson"))))
            as? [String: Any]
        for feature in collection?["features"] as? [[String: Any]] ?? [] {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            if let id = properties["id"] as? String {
                population[id] = (properties["population"] as? NSNumber)?.doubleValue
            }
        }
        let known = ids.indices.filter {
            population[ids[$0]] != nil && population[ids[$0]]! == population[ids[$0]]!.rounded()
        }
        #expect(known.count == ids.count, "INSEE populations are whole numbers")

        let reference = try PythonPeer.script(
            "check-equity.py",
            input: [
                "values": values, "weights": ids.map { Int(population[$0] ?? 0) },
                "groups": ids.map { String($0.prefix(2)) },
                "boundary_files": boundaries, "ids": ids,
            ], folder: folder.url)
        let document = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("equity.json"))))
                as? [String: Any])
        let report = try #require(document["equity"] as? [String: Any])
        let moran = try #require(report["moran"] as? [String: Any])
        #expect(report["islands"] as? Int == 0)
        func close(_ a: Double?, _ b: Any?, _ what: String) {
            let expected = (b as? NSNumber)?.doubleValue ?? .nan
            let value = a ?? .nan
            #expect(
                abs(value - expected) <= 1e-9 * max(1, abs(expected)), "\(what): maillage \(value), PySAL \(expected)")
        }
        close((moran["i"] as? NSNumber)?.doubleValue, reference["moran_i"], "Moran's I")
        close((moran["variance_normal"] as? NSNumber)?.doubleValue, reference["moran_variance_normal"], "Var[I]")
        let localI = try #require(reference["local_i"] as? [Double])
        for (row, expected) in zip(lisa, localI) { close(Double(row[2]), expected, "local I of \(row[0])") }
        // Whole populations: the weighted measures equal PySAL's on values repeated per inhabitant.
        close((report["gini"] as? NSNumber)?.doubleValue, reference["gini"], "Gini")
        close(((report["theil"] as? [String: Any])?["total"] as? NSNumber)?.doubleValue, reference["theil"], "Theil")
        close(
            ((report["theil"] as? [String: Any])?["between"] as? NSNumber)?.doubleValue, reference["theil_between"],
            "Theil between départements")
    }
}
