import Foundation
import MaillageTestSupport
import Testing

/// `maillage access … --demand population.<band>[+population.<band>…]` on a generated territory.
@Suite struct AccessDemandCommandLineTests {
    let folder: URL
    /// Holds `folder`, removed with the suite instance after each test.
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder(prefix: "maillage-cli")
        (folder, db) = try CommandLineTests.generatedDatabase(zones: 120, population: 150_000, seed: 9, in: scratch)
    }

    @Test func bandColumnsAreDemandAndUnknownOnesAreNamedErrors() throws {
        let out = folder.appendingPathComponent("e2sfca-75.csv").path
        let run = try CommandLineTests.run(
            "access", "e2sfca", "--db", db, "--kind", "gp", "--demand", "population.60-74+population.75+", "--out", out)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline).count == 121)
        let unknown = try CommandLineTests.run(
            "access", "e2sfca", "--db", db, "--kind", "gp", "--demand", "population.80+", "--out", out)
        #expect(unknown.status == 65)
        #expect(
            unknown.stderr.contains("'population.80+'") && unknown.stderr.contains("population.75+"),
            "\(unknown.stderr)")
        let malformed = try CommandLineTests.run(
            "access", "e2sfca", "--db", db, "--kind", "gp", "--demand", "elderly", "--out", out)
        #expect(
            malformed.status == 64 && malformed.stderr.contains("population.60-74+population.75+"),
            "\(malformed.stderr)")
        let help = try CommandLineTests.run("access", "e2sfca", "--help")
        #expect(help.stdout.contains("population.75+"))
    }
}
