import Foundation
import MaillageFuzzFormats
import MaillageTestSupport
import Testing

@testable import MaillageScenario

/// Replays the fuzzing corpus of the calibration specs and the sensitivity ranges
/// (`Tests/FuzzCorpus/calibration-spec`, `…/sensitivity-ranges`) through
/// ``FuzzFormat/feed(_:file:database:)``, as the fuzz targets do: each file loads or is refused
/// with a ``ScenarioError`` naming it, never a crash. `crash-negative-seed.yaml` trapped
/// (`UInt64(-1)`) before.
@Suite struct StudySpecFuzzCorpusTests {
    let folder = try! TemporaryFolder()

    static let inputs = FuzzCorpus.entries([FuzzFormat.calibrationSpec.rawValue, FuzzFormat.sensitivityRanges.rawValue])

    @Test func bothFormatsHaveInputs() {
        // ls Tests/FuzzCorpus/{calibration-spec,sensitivity-ranges} | grep -c . = 5 (3 + 2).
        #expect(Self.inputs.count == 5)
    }

    @Test(arguments: inputs)
    func loadsOrRefuses(_ entry: String) throws {
        let (formatName, name) = FuzzCorpus.split(entry)
        let format = try #require(FuzzFormat(rawValue: formatName))
        let file = URL(fileURLWithPath: folder.path("\(UUID()).\(format.fileExtension)"))
        do {
            switch try format.feed(
                Data(contentsOf: URL(fileURLWithPath: FuzzCorpus.path(entry))), file: file, database: nil)
            {
            case .calibration(let spec): #expect(!spec.parameters.isEmpty && !spec.targets.isEmpty)
            case .ranges(let ranges): #expect(!ranges.parameters.isEmpty)
            case let outcome: Issue.record("\(entry): \(outcome)")
            }
            #expect(!name.hasPrefix("crash-"), "\(entry) must be refused")
        } catch let error as ScenarioError {
            #expect(!name.hasPrefix("seed-"), "the seed \(entry) must load: \(error)")
            #expect(error.file == file.path, "\(entry): \(error)")
        }
    }

    /// The seed's figures, as written in it.
    @Test func theCalibrationSeedReadsWhole() throws {
        let spec = try CalibrationSpec.load(FuzzCorpus.path("calibration-spec", "seed-spec.yaml"))
        #expect(spec.seed == 7 && spec.replications == 2 && spec.sample == 0.1 && spec.days == 365)
        #expect(spec.fitYear == 2018 && spec.validationYear == 2019 && spec.maxEvaluations == 60)
        #expect(spec.targets.map(\.weight) == [1, 2])
    }

    /// A negative seed is an error at its key, not a trap; the largest 64-bit seed is a seed.
    @Test func seedsAreWholeNumbersFromZero() throws {
        let spec = """
            parameters: [{name: a.b, scale: [0.5, 1.5]}]
            targets: [{name: t, indicator: i, series: S}]
            fit_year: 2018
            simulation: {seed: SEED}
            """
        let path = folder.path("spec.yaml")
        try spec.replacingOccurrences(of: "SEED", with: "-1").write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try CalibrationSpec.load(path)
        } throws: { error in
            "\(error)".contains("'-1' is not a seed") && "\(error)".contains("simulation.seed")
        }
        try spec.replacingOccurrences(of: "SEED", with: "18446744073709551615").write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(try CalibrationSpec.load(path).seed == UInt64.max)
    }

    /// A Latin-1 byte used to be read as U+FFFD and the file accepted with a damaged name; a NUL
    /// byte (a file such as /proc/self/environ) is not a YAML file: both are refused at their line,
    /// and the file's text is never quoted.
    @Test(arguments: ["calibration", "ranges"])
    func textThatIsNotUTF8IsRefused(_ kind: String) throws {
        let text =
            kind == "calibration"
            ? "parameters: [{name: a.b, scale: [0.5, 1.5]}]\ntargets: [{name: t, indicator: i, series: S}]\n"
                + "fit_year: 2018\n# donn\u{E9}es\n"
            : "parameters:\n  - {name: a.b, range: [1, 2], observed: false, source: donn\u{E9}es}\n"
        let latin1 = folder.path("\(kind)-latin1.yaml")
        try #require(text.data(using: .isoLatin1)).write(to: URL(fileURLWithPath: latin1))
        let nul = folder.path("\(kind)-nul.yaml")
        try Data("SECRET_TOKEN=abc\0HOME=/root\0".utf8).write(to: URL(fileURLWithPath: nul))
        func load(_ path: String) throws {
            if kind == "calibration" {
                _ = try CalibrationSpec.load(path)
            } else {
                _ = try SensitivityRanges.load(path)
            }
        }
        #expect {
            try load(latin1)
        } throws: { error in
            "\(error)".contains("is not UTF-8 text (line \(kind == "calibration" ? 4 : 2) has a byte 0xE9")
        }
        #expect {
            try load(nul)
        } throws: { error in
            "\(error)".contains("NUL byte on line 1") && !"\(error)".contains("SECRET")
        }
    }
}
