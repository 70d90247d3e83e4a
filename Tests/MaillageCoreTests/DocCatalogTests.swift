import Foundation
import Testing

/// The DocC catalogs name only what exists: every ``Symbol`` link resolves to a declaration of
/// its catalog's module, every `Type.member(label:)` in code voice to a declaration somewhere in
/// Sources, every <doc:Article> to an article of the catalog; and each library module has one.
///
/// DocC itself checks links only when the documentation is built (`scripts/build-docs.sh`), which
/// CI does not do; this reads the sources as text so that a renamed type breaks a test at once.
@Suite struct DocCatalogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sources = root.appendingPathComponent("Sources")
    /// Targets that are not libraries a package user imports: the executables, the fuzz helpers and the C modules.
    static let notLibraries: Set<String> = [
        "maillage", "MaillageBenchmarks", "MaillageFuzzFormats", "CProj", "CMaillagePrefetch",
    ]

    @Test func everyLibraryModuleHasACatalog() throws {
        for module in try Self.modules() where !Self.notLibraries.contains(module) {
            let page = Self.catalog(module).appendingPathComponent("\(module).md")
            let text = try? String(contentsOf: page, encoding: .utf8)
            #expect(text != nil, "\(module) has no \(module).docc/\(module).md")
            guard let text else { continue }
            #expect(text.hasPrefix("# ``\(module)``"), "\(page.path) must start with # ``\(module)``")
            #expect(text.contains("## Topics"), "\(page.path) has no Topics section")
        }
    }

    @Test func everySymbolLinkResolvesInItsModule() throws {
        let all = try Self.declarations(in: Self.modules())
        var checked = 0
        for module in try Self.modules() {
            let own = try Self.declarations(in: [module])
            for (page, markdown) in try Self.pages(of: module) {
                // Code blocks hold commands and Swift examples, not references.
                let text = markdown.replacingOccurrences(of: #"(?s)```.*?```"#, with: "", options: .regularExpression)
                for link in Self.matches(of: #"``([^`]+)``"#, in: text) {
                    checked += 1
                    let resolves = own.resolves(link: link, module: module)
                    #expect(resolves, "\(page): ``\(link)`` names nothing in \(module)")
                }
                for span in Self.matches(of: #"(?<!`)`([^`\n]+)`(?!`)"#, in: text)
                where DeclarationIndex.looksLikeSymbol(span) {
                    checked += 1
                    let resolves = all.resolves(code: span)
                    #expect(resolves, "\(page): `\(span)` names nothing in Sources")
                }
                for article in Self.matches(of: #"<doc:([^>]+)>"#, in: text) {
                    let file = Self.catalog(module).appendingPathComponent("\(article).md")
                    #expect(
                        FileManager.default.fileExists(atPath: file.path),
                        "\(page): <doc:\(article)> has no \(article).md")
                }
            }
        }
        // The catalogs name well over a hundred symbols; none found means the pattern broke.
        #expect(checked > 100)
    }

    @Test func theCheckerRefusesWhatDoesNotExist() throws {
        let core = try Self.declarations(in: ["MaillageCore"])
        #expect(core.resolves(link: "Territory", module: "MaillageCore"))
        #expect(
            core.resolves(link: "Territory/init(name:sourceCRS:ageBands:zones:actors:links:)", module: "MaillageCore"))
        #expect(!core.resolves(link: "Territory/init(name:)", module: "MaillageCore"))
        #expect(!core.resolves(link: "TerritoryDatabase", module: "MaillageCore"))
        #expect(!core.resolves(link: "Territory/noSuchMember", module: "MaillageCore"))
        #expect(core.resolves(link: "ActorKind/hospital", module: "MaillageCore"))
        #expect(core.resolves(code: "Territory"))
        #expect(!core.resolves(code: "Territory.open(at:)"))
        #expect(DeclarationIndex.looksLikeSymbol("TerritoryDatabase.open(at:)"))
        #expect(!DeclarationIndex.looksLikeSymbol("maillage init real.db"))
        #expect(!DeclarationIndex.looksLikeSymbol("indicators.md"))
    }

    static func modules() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: sources.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue && name != "CProj"
        }.sorted()
    }

    static func catalog(_ module: String) -> URL {
        sources.appendingPathComponent(module).appendingPathComponent("\(module).docc")
    }

    /// The Markdown pages of a module's catalog, by path relative to the repository.
    static func pages(of module: String) throws -> [(String, String)] {
        let folder = catalog(module)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return try names.filter { $0.hasSuffix(".md") }.sorted().map { name in
            (
                "Sources/\(module)/\(module).docc/\(name)",
                try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            )
        }
    }

    static func declarations(in modules: [String]) throws -> DeclarationIndex {
        var index = DeclarationIndex()
        for module in modules {
            let folder = sources.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            index.modules.insert(module)
            for case let file as String in files where file.hasSuffix(".swift") {
                let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                // Comments mention names that are not declared (`/// the struct that…`).
                index.read(source.replacingOccurrences(of: #"(?m)^\s*//.*$"#, with: "", options: .regularExpression))
            }
        }
        return index
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

/// The names Swift sources declare, read as text: types, members and functions with their labels.
struct DeclarationIndex {
    var modules: Set<String> = []
    var types: Set<String> = []
    /// Properties, enum cases and functions' base names.
    var members: Set<String> = []
    /// Functions, initialisers and subscripts as DocC writes them: `open(at:)`, `init(_:name:)`.
    var signatures: Set<String> = []

    static let typePattern = try! NSRegularExpression(
        pattern: #"\b(?:struct|enum|class|protocol|actor|typealias|associatedtype)\s+([A-Za-z_][A-Za-z0-9_]*)"#)
    static let memberPattern = try! NSRegularExpression(pattern: #"\b(?:var|let|case)\s+([a-zA-Z_][A-Za-z0-9_]*)"#)
    static let functionPattern = try! NSRegularExpression(
        pattern: #"\b(?:func\s+([A-Za-z_][A-Za-z0-9_]*)|(init|subscript))[?!]?\s*(?:<[^>(]*>)?\s*\("#)
    /// A case's further names: `case a, b(x: Int)`.
    static let caseListPattern = try! NSRegularExpression(pattern: #"\bcase\s+([^=\n{:]+?)(?:\n|$|//)"#)

    mutating func read(_ text: String) {
        let range = NSRange(text.startIndex..., in: text)
        for match in Self.typePattern.matches(in: text, range: range) {
            types.insert(text[match.range(at: 1), in: text])
        }
        for match in Self.memberPattern.matches(in: text, range: range) {
            members.insert(text[match.range(at: 1), in: text])
        }
        for match in Self.caseListPattern.matches(in: text, range: range) {
            for name in DocCatalogTests.matches(
                of: #"(?:^|,)\s*(?:let\s+|var\s+)?([a-z_][A-Za-z0-9_]*)"#,
                in: text[match.range(at: 1), in: text])
            {
                members.insert(name)
            }
        }
        for match in Self.functionPattern.matches(in: text, range: range) {
            let name =
                match.range(at: 1).location != NSNotFound
                ? text[match.range(at: 1), in: text] : text[match.range(at: 2), in: text]
            members.insert(name)
            let open = text.utf16.index(text.utf16.startIndex, offsetBy: match.range.upperBound)
            signatures.insert("\(name)(\(Self.labels(text[open...]).map { "\($0):" }.joined()))")
        }
    }

    /// The argument labels of a parameter list starting after its `(`.
    static func labels(_ text: Substring) -> [String] {
        var depth = 0
        var parameter = ""
        var parameters: [String] = []
        var inString = false
        var previous: Character = " "
        for character in text {
            defer { previous = character }
            if character == "\"" { inString.toggle() }
            if inString { continue }
            if character == ")" && depth == 0 { break }
            if "([<{".contains(character) { depth += 1 }
            // `->` in a closure type is no closing bracket.
            if ")]}".contains(character) || (character == ">" && previous != "-") { depth -= 1 }
            if character == "," && depth == 0 {
                parameters.append(parameter)
                parameter = ""
            } else {
                parameter.append(character)
            }
        }
        parameters.append(parameter)
        return parameters.compactMap { parameter in
            let head = parameter.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            let words = head.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
                .filter { !$0.hasPrefix("@") && !["inout", "borrowing", "consuming"].contains($0) }
            return words.first.map(String.init)
        }
    }

    /// Whether a DocC link (`Type`, `Type/member`, `Type/method(label:)`) names a declaration here.
    func resolves(link: String, module: String) -> Bool {
        var parts = link.split(separator: "/").map { part in
            // `name-swift.enum` and `name-3abc` disambiguate overloads; the name is what must exist.
            String(part.split(separator: "-", maxSplits: 1).first ?? part)
        }
        if parts.first == module { parts.removeFirst() }
        guard let first = parts.first, types.contains(first) else { return parts.isEmpty }
        return parts.dropFirst().allSatisfy(resolvesMember)
    }

    /// Whether code voice naming a symbol (`Type`, `Type.member`, `Type.method(label:)`, `.case`) names
    /// a declaration here; module names count.
    func resolves(code: String) -> Bool {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first else { return false }
        if first.isEmpty { return parts.dropFirst().allSatisfy(resolvesMember) }
        if first.first!.isUppercase {
            guard types.contains(first) || modules.contains(first) else { return false }
            return parts.dropFirst().allSatisfy(resolvesMember)
        }
        return parts.allSatisfy(resolvesMember)
    }

    func resolvesMember(_ name: String) -> Bool {
        if name.hasSuffix(")") { return signatures.contains(name) }
        return members.contains(name) || types.contains(name)
    }

    /// Code voice worth checking: a type (`ZonesImporter`), a member path (`Type.member(label:)`),
    /// an enum case (`.catchment`) or a method (`run(file:into:)`); not shell commands or file names.
    static func looksLikeSymbol(_ span: String) -> Bool {
        let typeOrPath = #"^[A-Z][a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*(\((?:[A-Za-z_]+:)*\))?)*$"#
        let caseOrMethod = #"^(\.[a-z][A-Za-z0-9]*|[a-z][A-Za-z0-9]*\((?:[A-Za-z_]+:)*\))$"#
        return span.range(of: typeOrPath, options: .regularExpression) != nil
            || span.range(of: caseOrMethod, options: .regularExpression) != nil
    }
}

extension String {
    fileprivate subscript(range: NSRange, in text: String) -> String {
        String(text[Range(range, in: text)!])
    }
}
