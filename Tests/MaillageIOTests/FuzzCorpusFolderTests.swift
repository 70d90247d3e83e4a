import Foundation
import MaillageFuzzFormats
import MaillageTestSupport
import Testing

/// The fuzzed formats, their corpus folders and the fuzz targets name the same set: a format
/// without a folder would never be replayed by the tests, a folder without a format never fed
/// to anything, and a format `scripts/fuzz.sh` or `fuzz/Package.swift` lacks never fuzzed.
@Suite struct FuzzCorpusFolderTests {
    static let formats = FuzzFormat.allCases.map(\.rawValue).sorted()

    /// The checkout's root, found from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyFormatHasACorpusFolderAndEveryFolderAFormat() {
        let folders = FuzzCorpus.formats()
        #expect(Set(Self.formats).subtracting(folders).isEmpty, "formats without a folder in Tests/FuzzCorpus")
        #expect(
            Set(folders).subtracting(Self.formats).isEmpty, "folders of Tests/FuzzCorpus that no FuzzFormat case reads")
        // ls -d Tests/FuzzCorpus/*/ | grep -vc territory = 21.
        #expect(folders.count == 21)
    }

    @Test func everyFolderHoldsASeed() {
        for format in Self.formats {
            #expect(FuzzCorpus.inputs(format).contains { $0.hasPrefix("seed-") }, "\(format) has no seed")
        }
    }

    @Test func theFuzzScriptRunsEveryFormat() throws {
        let script = try String(contentsOf: Self.root.appendingPathComponent("scripts/fuzz.sh"), encoding: .utf8)
        let line = try #require(script.split(separator: "\n").first { $0.hasPrefix("all_targets=") })
        let targets = line.drop { $0 != "\"" }.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).split(
            separator: " "
        ).map(String.init)
        #expect(targets.sorted() == Self.formats)
    }

    @Test func theFuzzPackageHasATargetPerFormat() throws {
        let sources = Self.root.appendingPathComponent("fuzz/Sources")
        let targets = try FileManager.default.contentsOfDirectory(atPath: sources.path)
            .filter { $0.hasPrefix("MaillageFuzz") && $0 != "MaillageFuzzSupport" }
        // The executable's name is the format's parts capitalised: zones-csv → MaillageFuzzZonesCSV.
        let expected = FuzzFormat.allCases.map { format in
            "MaillageFuzz"
                + format.rawValue.split(separator: "-").map { part in
                    switch part {
                    case "csv": "CSV"
                    case "geojson": "GeoJSON"
                    default: part.prefix(1).uppercased() + part.dropFirst()
                    }
                }.joined()
        }
        #expect(targets.sorted() == expected.sorted())
        for (format, target) in zip(FuzzFormat.allCases, expected) {
            let entry = try String(
                contentsOf: sources.appendingPathComponent("\(target)/FuzzEntry.swift"), encoding: .utf8)
            #expect(entry.contains("FuzzHarness(format: .\(format))"), "\(target) feeds another format")
        }
    }
}
